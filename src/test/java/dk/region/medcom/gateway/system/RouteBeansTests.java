package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.camel.spi.Policy;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every bean a route file names is the stage class of that name in lower camel case, so a reader
 * goes from {@code ref: duplicateGuard} in routes/ straight to {@code DuplicateGuard.java}. Camel
 * policies (transactions, the memory budget) are named for what they guard instead.
 */
@GatewayIntegrationTest
class RouteBeansTests {

    @Autowired
    ApplicationContext context;

    @Test
    void everyBeanTheRoutesNameIsItsClassInLowerCamelCase() throws IOException {
        TreeSet<String> refs = beanRefs();
        assertThat(refs).contains("ingestor", "messageParser", "validationStage", "duplicateGuard", "router",
                "recipientTranslator", "deliverer", "quarantine", "receipts", "stageRecorder");
        List<String> misnamed = new ArrayList<>();
        for (String ref : refs) {
            Object bean = context.getBean(ref);
            if (bean instanceof Policy) {
                continue;
            }
            String simpleName = AopUtils.getTargetClass(bean).getSimpleName();
            String expected = Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
            if (!expected.equals(ref)) {
                misnamed.add(ref + " is a " + simpleName);
            }
        }
        assertThat(misnamed).isEmpty();
    }

    private static TreeSet<String> beanRefs() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        TreeSet<String> refs = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                collect(yaml.readTree(file.toFile()), refs);
            }
        }
        return refs;
    }

    private static void collect(JsonNode node, TreeSet<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                }
                collect(field.getValue(), refs);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, refs));
        }
    }
}
