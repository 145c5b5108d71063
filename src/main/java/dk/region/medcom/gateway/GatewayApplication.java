package dk.region.medcom.gateway;

import dk.region.medcom.gateway.cli.GatewayCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The gateway. {@link Main} is the jar's entry point: tester verbs ({@code translate},
 * {@code validate}, {@code replay}) run without Spring; no arguments, {@code serve} or only
 * {@code --property=value} arguments start the gateway through here.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        if (GatewayCommand.isToolInvocation(args)) {
            System.exit(GatewayCommand.run(args));
        }
        start(args.length > 0 && "serve".equals(args[0]) ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
    }

    public static void start(String[] springArguments) {
        SpringApplication.run(GatewayApplication.class, springArguments);
    }
}
