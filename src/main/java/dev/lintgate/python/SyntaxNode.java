package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/** One node of a {@link SyntaxTree}: its grammar type, fielded children, text and region. */
public final class SyntaxNode {
    private final SyntaxTree tree;
    private final TSNode node;

    SyntaxNode(SyntaxTree tree, TSNode node) {
        this.tree = tree;
        this.node = node;
    }

    /** The tree-sitter-python node type ("import_from_statement", "identifier", "ERROR", ...). */
    public String type() {
        return node.getType();
    }

    /** False for anonymous tokens such as "(" or "import". */
    public boolean isNamed() {
        return node.isNamed();
    }

    public boolean isError() {
        return node.isError() || node.isMissing();
    }

    /** The first child under {@code field}, or null. */
    public SyntaxNode child(String field) {
        TSNode child = node.getChildByFieldName(field);
        return child == null || child.isNull() ? null : new SyntaxNode(tree, child);
    }

    /** Every child under {@code field} (fields such as "name" of an import repeat). */
    public List<SyntaxNode> children(String field) {
        List<SyntaxNode> out = new ArrayList<>();
        int count = node.getChildCount();
        for (int i = 0; i < count; i++) {
            if (field.equals(node.getFieldNameForChild(i))) {
                out.add(new SyntaxNode(tree, node.getChild(i)));
            }
        }
        return out;
    }

    /** Named children in order, anonymous tokens left out. */
    public List<SyntaxNode> namedChildren() {
        int count = node.getNamedChildCount();
        List<SyntaxNode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new SyntaxNode(tree, node.getNamedChild(i)));
        }
        return out;
    }

    public SyntaxNode parent() {
        TSNode parent = node.getParent();
        return parent == null || parent.isNull() ? null : new SyntaxNode(tree, parent);
    }

    public String text() {
        int s = tree.charOffset(node.getStartByte());
        int e = tree.charOffset(node.getEndByte());
        return tree.source.text(s, Math.max(s, e));
    }

    /**
     * The value of a string literal whose value is known without running anything (no f-string fields, not bytes),
     * including implicitly concatenated literals; null for anything else.
     */
    public String stringValue() {
        if (type().equals("concatenated_string")) {
            StringBuilder out = new StringBuilder();
            for (SyntaxNode part : namedChildren()) {
                String v = part.stringValue();
                if (v == null) return null;
                out.append(v);
            }
            return out.toString();
        }
        if (!type().equals("string")) return null;
        for (SyntaxNode part : namedChildren()) {
            if (part.type().equals("interpolation")) return null;
        }
        char[] c = text().toCharArray();
        return StringLiteral.isPlain(c, 0, c.length) ? StringLiteral.value(c, 0, c.length) : null;
    }

    public Region region() {
        return tree.region(node.getStartByte(), node.getEndByte());
    }

    @Override
    public String toString() {
        return type() + "@" + region().startLine() + ":" + region().startColumn();
    }
}
