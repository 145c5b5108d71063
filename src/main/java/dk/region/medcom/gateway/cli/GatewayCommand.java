package dk.region.medcom.gateway.cli;

import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's command line. {@code serve} (or no arguments) starts the gateway; the other verbs are
 * for testers and run without Spring or the broker, so they answer in well under a second.
 */
@Command(name = "medcom-gateway", mixinStandardHelpOptions = true, version = "medcom-gateway 0.1.0",
        description = "MedCom message gateway: run it, or translate, validate and replay messages.",
        subcommands = {ServeCommand.class, TranslateCommand.class, ValidateCommand.class, ReplayCommand.class,
                QuarantineCommand.class})
public class GatewayCommand {

    /** Exit codes shared by the verbs. */
    static final int OK = 0;
    static final int INVALID = 1;
    static final int UNREADABLE = 2;

    /** True when the arguments ask for a tester's verb rather than the gateway itself. */
    public static boolean isToolInvocation(String[] args) {
        return args.length > 0 && !"serve".equals(args[0]) && !args[0].startsWith("--");
    }

    /**
     * Runs a tester's verb. A known verb gets a command line of its own: picocli then reflects over
     * that one class only, not over every verb and the types their fields pull in (HTTP client,
     * Jackson), which cost a third of a second before {@code translate} did anything.
     */
    public static int run(String[] args) {
        XmlImplementations.pin();
        Optional<Integer> plain = PlainArguments.run(args);
        if (plain.isPresent()) {
            return plain.get();
        }
        Object verb = switch (args[0]) {
            case "translate" -> new TranslateCommand();
            case "validate" -> new ValidateCommand();
            case "replay" -> new ReplayCommand();
            case "quarantine" -> new QuarantineCommand();
            default -> null;
        };
        if (verb == null) {
            return new CommandLine(new GatewayCommand()).execute(args);
        }
        return new CommandLine(verb).setCommandName("medcom-gateway " + args[0])
                .execute(Arrays.copyOfRange(args, 1, args.length));
    }
}
