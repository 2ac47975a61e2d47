package dev.lintgate.rules;

import dev.lintgate.config.ConfigValue;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.NameUse;
import dev.lintgate.python.Names;

/**
 * When Python evaluates a name read, under the project's settings: the one place that knows that annotations are
 * deferred by {@code from __future__ import annotations} or by target-version 3.14, and how severe a failure at
 * call time is. Shared by the name rules and LG104, which must agree on what runs.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** True when Python itself evaluates the read at some point (import, call, exception or match). */
    public static boolean isEvaluated(NameUse use, Names names, ProjectModel project) {
        if (use.typingBlock()) {
            return false;
        }
        return switch (use.use()) {
            case RUNTIME, ON_DEMAND -> true;
            case ANNOTATION -> annotationsAreEager(names, project);
            case TYPING -> false;
        };
    }

    public static boolean annotationsAreEager(Names names, ProjectModel project) {
        return !names.hasFutureAnnotations() && project.config().targetMinor() < 14;
    }

    /** Import-time failures are errors; call-time ones warnings unless {@code call-time-severity = "error"}. */
    public static Severity severity(NameUse use, ProjectModel project) {
        if (use.importTime() && use.use() != NameUse.Use.ON_DEMAND) {
            return Severity.ERROR;
        }
        ConfigValue v = project.config().ruleOptions().get("call-time-severity");
        if (v != null && v.value() instanceof String s) {
            try {
                return Severity.parse(s);
            } catch (IllegalArgumentException e) {
                return Severity.WARNING;
            }
        }
        return Severity.WARNING;
    }
}
