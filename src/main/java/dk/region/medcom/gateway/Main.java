package dk.region.medcom.gateway;

import dk.region.medcom.gateway.cli.GatewayCommand;

/**
 * The jar's entry point. It touches neither Spring nor picocli's view of every verb before it
 * knows which verb it runs: {@code translate} and {@code validate} load only what they use.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (GatewayCommand.isToolInvocation(args)) {
            System.exit(GatewayCommand.run(args));
        }
        GatewayApplication.main(args);
    }
}
