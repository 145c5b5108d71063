package dk.region.medcom.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The gateway. The jar's entry point is {@code cli.Main}: tester verbs ({@code translate},
 * {@code validate}, {@code replay}) run without Spring; no arguments, {@code serve} or only
 * {@code --property=value} arguments start the gateway through here.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Run from an IDE: the gateway itself, arguments as Spring's (the verbs are cli.Main's). */
    public static void main(String[] args) {
        start(args);
    }

    /** Starts the gateway once no other gateway uses its data folder (see {@link DataDirectoryLock}). */
    public static void start(String[] springArguments) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setMainApplicationClass(GatewayApplication.class); // not Main: "Started GatewayApplication"
        application.addListeners(new DataDirectoryLock());
        application.run(springArguments);
    }
}
