package dev.lintgate.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every rule page, sorted by code: bundled in the jar as {@link CatalogIndex}, or read from {@code rules/}. */
public final class RuleCatalog {
    private static volatile RuleCatalog bundled;

    private final Map<String, RuleDoc> byCode;

    public RuleCatalog(List<RuleDoc> docs) {
        Map<String, RuleDoc> map = new TreeMap<>();
        for (RuleDoc doc : docs) {
            if (map.put(doc.code(), doc) != null) {
                throw new IllegalStateException("two rule pages declare " + doc.code());
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    public static RuleCatalog bundled() {
        RuleCatalog c = bundled;
        if (c == null) {
            synchronized (RuleCatalog.class) {
                if (bundled == null) bundled = loadBundled();
                c = bundled;
            }
        }
        return c;
    }

    /** Reads every page of a folder on disk (the repository's {@code rules/}); used by the docs tests. */
    public static RuleCatalog fromDirectory(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<RuleDoc> docs = new ArrayList<>();
            for (Path p : files.filter(RuleCatalog::isRulePage).sorted().toList()) {
                docs.add(RuleDocParser.parse(p.getFileName().toString(), Files.readString(p)));
            }
            return new RuleCatalog(docs);
        }
    }

    private static boolean isRulePage(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("LG") && n.endsWith(".md");
    }

    private static RuleCatalog loadBundled() {
        try (InputStream in = RuleCatalog.class.getClassLoader().getResourceAsStream(CatalogIndex.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the rule catalog is missing from the build (" + CatalogIndex.RESOURCE
                        + "; `mvn process-classes` writes it)");
            }
            return new RuleCatalog(CatalogIndex.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<RuleDoc> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<RuleDoc> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Looks a rule up by code ("LG101", any case) or by name ("deprecated-runtime-import"). */
    public Optional<RuleDoc> find(String codeOrName) {
        RuleDoc doc = byCode.get(codeOrName.toUpperCase(java.util.Locale.ROOT));
        if (doc != null) return Optional.of(doc);
        return byCode.values().stream().filter(d -> d.name().equals(codeOrName)).findFirst();
    }

    public RuleDoc require(String code) {
        return byCode(code).orElseThrow(() -> new IllegalStateException("rule " + code + " has no page in rules/"));
    }

}
