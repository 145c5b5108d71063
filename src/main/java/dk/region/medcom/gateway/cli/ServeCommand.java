package dk.region.medcom.gateway.cli;

import dk.region.medcom.gateway.GatewayApplication;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Starts the gateway; any {@code --property=value} arguments go to Spring Boot. */
@Command(name = "serve", description = "Start the gateway (the default when no verb is given).")
class ServeCommand implements Callable<Integer> {

    @Unmatched
    String[] springArguments = new String[0];

    @Override
    public Integer call() {
        GatewayApplication.start(springArguments);
        return null;
    }
}
