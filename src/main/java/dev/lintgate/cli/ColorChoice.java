package dev.lintgate.cli;

import java.util.Map;

/** Colour only for people: the flag, then NO_COLOR, then FORCE_COLOR (non-empty values only), then a real terminal. */
enum ColorChoice {
    AUTO, ALWAYS, NEVER;

    boolean enabled(Map<String, String> env, boolean terminal) {
        if (this == ALWAYS) return true;
        if (this == NEVER) return false;
        if (!env.getOrDefault("NO_COLOR", "").isEmpty()) return false;
        if (!env.getOrDefault("FORCE_COLOR", "").isEmpty()) return true;
        return terminal && !"dumb".equals(env.get("TERM"));
    }
}
