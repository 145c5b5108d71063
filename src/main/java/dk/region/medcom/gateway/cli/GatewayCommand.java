package dk.region.medcom.gateway.cli;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The jar's command line. {@code serve} (or no arguments) starts the gateway; the other verbs are
 * for testers and run without Spring or the broker, so they answer in well under a second.
 */
// scope INHERIT: every verb answers --help and --version too
@Command(name = "medcom-gateway", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = GatewayCommand.Version.class,
        description = "MedCom message gateway: run it, or translate, validate and replay messages.",
        subcommands = {ServeCommand.class, TranslateCommand.class, ValidateCommand.class, ReplayCommand.class,
                QuarantineCommand.class, KeysCommand.class, CommandLine.HelpCommand.class})
public class GatewayCommand {

    /** Exit codes shared by the verbs. */
    static final int OK = 0;
    static final int INVALID = 1;
    static final int UNREADABLE = 2;
    /** Arguments the command line does not understand (picocli's own code for them). */
    public static final int USAGE = 2;

    private static final Set<String> HELP_OR_VERSION = Set.of("--help", "-h", "--version", "-V");

    /** True when the arguments ask for a tester's verb, help or the version rather than the gateway itself. */
    public static boolean isToolInvocation(String[] args) {
        return args.length > 0 && (!"serve".equals(args[0]) && !args[0].startsWith("--")
                || Arrays.stream(args).anyMatch(HELP_OR_VERSION::contains));
    }

    /**
     * Runs a tester's verb. A known verb gets a command line of its own: picocli then reflects over
     * that one class only, not over every verb and the types their fields pull in (HTTP client,
     * Jackson), which cost a third of a second before {@code translate} did anything.
     */
    public static int run(String[] args) {
        XmlImplementations.pin();
        boolean helpOrVersion = Arrays.stream(args).anyMatch(HELP_OR_VERSION::contains);
        if (helpOrVersion && args[0].startsWith("-")) {
            // the gateway's own options (--gateway.data-dir=x --help): help or version wins
            boolean version = Arrays.stream(args).anyMatch(a -> a.equals("--version") || a.equals("-V"));
            args = new String[] {version ? "--version" : "--help"};
        }
        Optional<Integer> plain = PlainArguments.run(args);
        if (plain.isPresent()) {
            return plain.get();
        }
        Object verb = switch (args[0]) {
            case "translate" -> new TranslateCommand();
            case "validate" -> new ValidateCommand();
            case "replay" -> new ReplayCommand();
            case "quarantine" -> new QuarantineCommand();
            case "keys" -> new KeysCommand();
            default -> null;
        };
        if (verb == null || helpOrVersion) {
            // help and version are the whole command line's options, which every verb inherits
            return onTerminal(new CommandLine(new GatewayCommand())).execute(args);
        }
        return onTerminal(new CommandLine(verb)).setCommandName("medcom-gateway " + args[0])
                .execute(Arrays.copyOfRange(args, 1, args.length));
    }

    /** The command line printing where every verb prints (see {@link Terminal}). */
    static CommandLine onTerminal(CommandLine commandLine) {
        return commandLine.setOut(Terminal.outWriter()).setErr(Terminal.errWriter());
    }

    /** The version the build wrote into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GatewayCommand.class.getPackage().getImplementationVersion();
            return new String[] {"medcom-gateway " + (version == null ? "(not from a built jar)" : version)};
        }
    }
}
