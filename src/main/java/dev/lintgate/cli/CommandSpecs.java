package dev.lintgate.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's model of lintgate's commands, built in code. Reading it from annotations cost a third of a one-file run:
 * picocli made its model through eight annotation proxies generated at run time, which no class-data archive holds.
 * Each option is bound to a plain field of its command through lambdas, so picocli reads and writes the fields without
 * reflection.
 */
final class CommandSpecs {
    private CommandSpecs() {
    }

    /** A command that prints lintgate's version for {@code -V}; its options come next, then {@link #helpOptions}. */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name);
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description(description);
        return spec;
    }

    /**
     * {@code -h} and {@code -V}, last in the option list, as picocli's {@code mixinStandardHelpOptions} words them
     * (that mixin is itself read from annotations).
     */
    static CommandSpec helpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    /**
     * An option whose value lives in a field of the command. The field's value when the model is built is the
     * initial value picocli resets it to before a parse, as it takes it from an annotated field.
     */
    static <T> OptionSpec.Builder option(Class<T> type, Supplier<T> get, Consumer<T> set, String... names) {
        Field<T> field = new Field<>(get, set);
        return OptionSpec.builder(names).type(type).getter(field).setter(field).initialValue(get.get()).hasInitialValue(true);
    }

    /** An option that may be repeated and whose values are split on commas, collected in a list field. */
    static OptionSpec.Builder list(Supplier<List<String>> get, Consumer<List<String>> set, String... names) {
        Field<List<String>> field = new Field<>(get, set);
        return OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class).splitRegex(",")
                .getter(field).setter(field).initialValue(get.get()).hasInitialValue(true);
    }

    // classes rather than lambdas here and below: JDK 17 archives no lambda made for picocli's Java 5 interfaces, and
    // then not the interface either, so each would be generated and loaded from the jar at every start
    private static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lintgate " + Version.current()};
        }
    }

    /** A field of a command as picocli's getter and setter (their methods are generic, so no lambda implements them). */
    static final class Field<T> implements IGetter, ISetter {
        private final Supplier<T> get;
        private final Consumer<T> set;

        Field(Supplier<T> get, Consumer<T> set) {
            this.get = get;
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R get() {
            return (R) get.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R set(R value) {
            R previous = get();
            set.accept((T) value);
            return previous;
        }
    }
}
