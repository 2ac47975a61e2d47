package dev.lintgate.cli;

import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's model of lintgate's commands, built in code. Reading it from annotations cost a third of a one-file run:
 * picocli made its model through eight annotation proxies generated at run time, which no class-data archive holds.
 * Each option is declared once, in its command's {@code commandSpec()}, and bound to a plain field of the command by
 * one lambda that sets it, so picocli writes the fields without reflection.
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
     * An option whose value picocli sets in a field of the command; {@code initial} is the field's value, which
     * picocli resets it to before a parse, as it takes it from an annotated field.
     */
    static <T> OptionSpec.Builder option(Class<T> type, T initial, Consumer<T> set, String... names) {
        Field<T> field = new Field<>(initial, set);
        return OptionSpec.builder(names).type(type).getter(field).setter(field).initialValue(initial).hasInitialValue(true);
    }

    /** An option that may be repeated and whose values are split on commas, collected in a list field. */
    static OptionSpec.Builder list(List<String> initial, Consumer<List<String>> set, String... names) {
        Field<List<String>> field = new Field<>(initial, set);
        return OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class).splitRegex(",")
                .getter(field).setter(field).initialValue(initial).hasInitialValue(true);
    }

    // classes rather than lambdas here and below: JDK 17 archives no lambda made for picocli's Java 5 interfaces, and
    // then not the interface either, so each would be generated and loaded from the jar at every start
    private static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lintgate " + Version.current()};
        }
    }

    /**
     * A field of a command as picocli's getter and setter (their methods are generic, so no lambda implements them).
     * It answers the value it last set, so one lambda per option writes the field and none reads it.
     */
    static final class Field<T> implements IGetter, ISetter {
        private T value;
        private final Consumer<T> set;

        Field(T initial, Consumer<T> set) {
            this.value = initial;
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R get() {
            return (R) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R set(R newValue) {
            R previous = (R) value;
            value = (T) newValue;
            set.accept(value);
            return previous;
        }
    }
}
