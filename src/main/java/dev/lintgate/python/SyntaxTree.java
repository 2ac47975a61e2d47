package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/**
 * A tree-sitter parse of one file, for rules that need expressions. It is the slow tier (a few MB/s through JNI),
 * so {@link PythonFile#syntaxTree()} builds it only on request. Tree-sitter types stay inside this package; node
 * positions come out as {@link Region}s in code points.
 */
public final class SyntaxTree {
    /** Parsers are not thread-safe and cost a native allocation, so each thread keeps one. */
    private static final ThreadLocal<TSParser> PARSERS = ThreadLocal.withInitial(() -> {
        TSParser parser = new TSParser();
        parser.setLanguage(new TreeSitterPython());
        return parser;
    });

    final SourceText source;
    private final TSTree tree;
    /** Char offset for each UTF-8 byte offset; null when the text is ASCII and the two agree. */
    private final int[] charOfByte;

    private SyntaxTree(SourceText source, TSTree tree, int[] charOfByte) {
        this.source = source;
        this.tree = tree;
        this.charOfByte = charOfByte;
    }

    static SyntaxTree parse(SourceText source) {
        String text = new String(source.chars, 0, source.length);
        TSTree tree = PARSERS.get().parseString(null, text);
        return new SyntaxTree(source, tree, byteMap(source));
    }

    private static int[] byteMap(SourceText source) {
        char[] c = source.chars;
        boolean ascii = true;
        for (int i = 0; i < source.length && ascii; i++) {
            ascii = c[i] < 0x80;
        }
        if (ascii) {
            return null;
        }
        int bytes = new String(c, 0, source.length).getBytes(StandardCharsets.UTF_8).length;
        int[] map = new int[bytes + 1];
        int b = 0;
        for (int i = 0; i < source.length; ) {
            int cp = Character.codePointAt(c, i, source.length);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            for (int k = 0; k < len && b + k < map.length; k++) {
                map[b + k] = i;
            }
            b += len;
            i += Character.charCount(cp);
        }
        map[Math.min(b, bytes)] = source.length;
        return map;
    }

    public SyntaxNode root() {
        return new SyntaxNode(this, tree.getRootNode());
    }

    /** True when tree-sitter needed ERROR or MISSING nodes to parse the file. */
    public boolean hasError() {
        return tree.getRootNode().hasError();
    }

    /** Regions of ERROR and MISSING nodes, outermost only, in source order. */
    public List<Region> errorRegions() {
        List<Region> out = new ArrayList<>();
        TSNode root = tree.getRootNode();
        if (root.hasError()) {
            collectErrors(root, out);
        }
        return out;
    }

    private void collectErrors(TSNode node, List<Region> out) {
        if (node.isError() || node.isMissing()) {
            out.add(region(node.getStartByte(), node.getEndByte()));
            return;
        }
        int count = node.getChildCount();
        for (int i = 0; i < count; i++) {
            TSNode child = node.getChild(i);
            if (child.hasError() || child.isMissing()) {
                collectErrors(child, out);
            }
        }
    }

    int charOffset(int byteOffset) {
        if (charOfByte == null) {
            return Math.min(byteOffset, source.length);
        }
        return charOfByte[Math.max(0, Math.min(byteOffset, charOfByte.length - 1))];
    }

    Region region(int startByte, int endByte) {
        return source.region(charOffset(startByte), charOffset(endByte));
    }
}
