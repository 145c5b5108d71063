package dk.region.medcom.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's command line. {@code serve} (or no arguments) starts the gateway; the other verbs are
 * for testers and run without Spring or the broker, so they answer in well under a second.
 */
@Command(name = "medcom-gateway", mixinStandardHelpOptions = true, version = "medcom-gateway 0.1.0",
        description = "MedCom message gateway: run it, or translate, validate and replay messages.",
        subcommands = {ServeCommand.class, TranslateCommand.class, ValidateCommand.class, ReplayCommand.class})
public class GatewayCommand {

    /** Exit codes shared by the verbs. */
    static final int OK = 0;
    static final int INVALID = 1;
    static final int UNREADABLE = 2;

    /** True when the arguments ask for a tester's verb rather than the gateway itself. */
    public static boolean isToolInvocation(String[] args) {
        return args.length > 0 && !"serve".equals(args[0]) && !args[0].startsWith("--");
    }

    public static int run(String[] args) {
        return new CommandLine(new GatewayCommand()).execute(args);
    }
}
