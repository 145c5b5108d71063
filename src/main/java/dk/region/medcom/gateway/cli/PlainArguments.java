package dk.region.medcom.gateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code translate} and {@code validate} with plain arguments, run without picocli: building
 * picocli's model costs about 300 ms (reflection, 170 classes), most of a small file's time. Only
 * the everyday forms are read here ({@code translate [--to xml|edifact] <file>},
 * {@code validate [--schemas <dir>] <file>}); anything else (help, a mistake) goes to picocli,
 * which answers it exactly as before.
 */
final class PlainArguments {

    private PlainArguments() {
    }

    /** The verb's exit code, or empty when picocli should read the arguments. */
    static Optional<Integer> run(String[] args) {
        return switch (args[0]) {
            case "translate" -> option(args, "--to").flatMap(to -> translate(to, file(args, "--to")));
            case "validate" -> option(args, "--schemas").flatMap(dir -> validate(dir, file(args, "--schemas")));
            default -> Optional.empty();
        };
    }

    private static Optional<Integer> translate(String to, Optional<Path> file) {
        if (file.isEmpty() || !(to.isEmpty() || "xml".equals(to) || "edifact".equals(to))) {
            return Optional.empty();
        }
        TranslateCommand.Target target = to.isEmpty() ? null : TranslateCommand.Target.valueOf(to);
        try {
            return Optional.of(TranslateCommand.translate(file.get(), target, stderr()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Integer> validate(String schemas, Optional<Path> file) {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Path.of(schemas.isEmpty() ? System.getProperty("gateway.validate.schemas-dir", "schemas") : schemas);
        return Optional.of(ValidateCommand.validate(file.get(), dir, Terminal.outWriter(), stderr()));
    }

    private static PrintWriter stderr() {
        return Terminal.errWriter();
    }

    /** The option's value ("" when absent), or empty when the arguments are not plain. */
    private static Optional<String> option(String[] args, String name) {
        String value = "";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length && !args[i + 1].startsWith("-") && value.isEmpty()) {
                value = args[++i];
            } else if (args[i].startsWith(name + "=") && value.isEmpty() && args[i].length() > name.length() + 1) {
                value = args[i].substring(name.length() + 1);
            } else if (args[i].startsWith("-")) {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    /** The one positional argument, or empty when there is not exactly one. */
    private static Optional<Path> file(String[] args, String option) {
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(option)) {
                i++;
            } else if (!args[i].startsWith("-")) {
                if (file != null) {
                    return Optional.empty();
                }
                file = Path.of(args[i]);
            }
        }
        return Optional.ofNullable(file);
    }
}
