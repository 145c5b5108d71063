package dk.region.medcom.gateway.cli;

import dk.region.medcom.gateway.GatewayApplication;
import java.util.Arrays;

/**
 * The jar's entry point. It touches neither Spring nor picocli's view of every verb before it
 * knows which verb it runs: {@code translate} and {@code validate} load only what they use, and
 * help or version never start the gateway.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (GatewayCommand.isToolInvocation(args)) {
            System.exit(GatewayCommand.run(args));
        }
        String[] springArguments = args.length > 0 && "serve".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
        // Spring ignores what is not --name=value: "--server.port 9090" would start on 8080 without a word
        for (String argument : springArguments) {
            if (!argument.startsWith("--")) {
                System.err.println("serve takes only --property=value arguments, not \"" + argument
                        + "\" (medcom-gateway --help lists the verbs)");
                System.exit(GatewayCommand.USAGE);
            }
        }
        GatewayApplication.start(springArguments);
    }
}
