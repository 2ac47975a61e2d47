package dev.lintgate.rules;

import dev.lintgate.rules.files.UnreadableFile;
import dev.lintgate.rules.files.UnusedSuppression;
import dev.lintgate.rules.imports.DeprecatedDynamicReference;
import dev.lintgate.rules.imports.DeprecatedImportInTypeChecking;
import dev.lintgate.rules.imports.DeprecatedRuntimeImport;
import dev.lintgate.rules.imports.UnresolvedFirstPartyImport;
import dev.lintgate.rules.markers.AsyncioWithoutPlugin;
import dev.lintgate.rules.markers.DuplicateMarker;
import dev.lintgate.rules.markers.MalformedMarkerEntry;
import dev.lintgate.rules.markers.OrderDependentMarkerRegistration;
import dev.lintgate.rules.markers.UncollectedTestFile;
import dev.lintgate.rules.markers.UnregisteredMarker;
import dev.lintgate.rules.markers.UnusedMarker;
import dev.lintgate.rules.names.RedundantTypeCheckingImport;
import dev.lintgate.rules.names.TypeCheckingNameAtRuntime;
import dev.lintgate.rules.names.TypeCheckingNameInRuntimeAnnotation;
import dev.lintgate.rules.names.UndefinedNameAtRuntime;
import dev.lintgate.rules.pytest.AsyncioFixtureLoopScopeUnset;
import dev.lintgate.rules.pytest.AsyncioLoopScopeMismatch;
import dev.lintgate.rules.pytest.InconsistentPytestOption;
import dev.lintgate.rules.pytest.IneffectiveStrictness;
import dev.lintgate.rules.pytest.InvalidPytestOptionValue;
import dev.lintgate.rules.pytest.MisplacedPytestConfig;
import dev.lintgate.rules.pytest.ShadowedPytestConfig;
import dev.lintgate.rules.pytest.UnknownPytestOption;
import dev.lintgate.rules.pytest.UnparseablePytestConfig;
import dev.lintgate.rules.syntax.UnparseableFile;
import java.util.List;

/** Every rule lintgate has, in code order. Adding a rule: its page in rules/, its class, its fixtures, one line here. */
public final class AllRules {
    private AllRules() {
    }

    public static List<Rule> create() {
        return List.of(
                new UnparseableFile(),
                new UnreadableFile(),
                new UnusedSuppression(),
                new DeprecatedRuntimeImport(),
                new TypeCheckingNameAtRuntime(),
                new TypeCheckingNameInRuntimeAnnotation(),
                new DeprecatedDynamicReference(),
                new DeprecatedImportInTypeChecking(),
                new UnresolvedFirstPartyImport(),
                new UndefinedNameAtRuntime(),
                new RedundantTypeCheckingImport(),
                new ShadowedPytestConfig(),
                new InconsistentPytestOption(),
                new InvalidPytestOptionValue(),
                new AsyncioFixtureLoopScopeUnset(),
                new AsyncioLoopScopeMismatch(),
                new UnparseablePytestConfig(),
                new MisplacedPytestConfig(),
                new UnknownPytestOption(),
                new IneffectiveStrictness(),
                new UnregisteredMarker(),
                new DuplicateMarker(),
                new MalformedMarkerEntry(),
                new OrderDependentMarkerRegistration(),
                new UnusedMarker(),
                new AsyncioWithoutPlugin(),
                new UncollectedTestFile());
    }
}
