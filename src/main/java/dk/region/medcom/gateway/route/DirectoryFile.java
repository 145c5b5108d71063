package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.message.RecipientRule;
import dk.region.medcom.gateway.message.Channel;
import dk.region.medcom.gateway.message.Recipient;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the operator's recipient directory (YAML). It walks SnakeYAML's node tree rather than
 * binding to classes so that every mistake is reported with its line: an operator editing a
 * 200-entry file needs "line 148: channel must be folder, queue or http", not a stack trace.
 */
final class DirectoryFile {

    private static final Set<String> KEYS = Set.of("location-number", "name", "municipality", "organisation", "unit",
            "channel", "url", "formats", "enabled", "rules", "role");

    private DirectoryFile() {
    }

    static List<Recipient> read(Reader yaml, String source) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(yaml);
        } catch (MarkedYAMLException e) {
            throw invalid(source, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, e.getProblem());
        }
        if (!(root instanceof MappingNode top) || !(value(top, "recipients") instanceof SequenceNode list)) {
            throw invalid(source, 1, "the file must hold a 'recipients:' list");
        }
        List<Recipient> recipients = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        for (Node entry : list.getValue()) {
            Recipient recipient = recipient(entry, source);
            Integer earlier = seenAt.putIfAbsent(recipient.locationNumber(), line(entry));
            if (earlier != null) {
                throw invalid(source, line(entry), "location number " + recipient.locationNumber()
                        + " is already listed at line " + earlier);
            }
            recipients.add(recipient);
        }
        for (Recipient recipient : recipients) {
            for (RecipientRule rule : recipient.rules()) {
                if (!seenAt.containsKey(rule.locationNumber())) {
                    throw invalid(source, seenAt.get(recipient.locationNumber()), "a rule of "
                            + recipient.locationNumber() + " names " + rule.locationNumber() + ", which is not listed");
                }
            }
        }
        return recipients;
    }

    private static Recipient recipient(Node entry, String source) {
        if (!(entry instanceof MappingNode map)) {
            throw invalid(source, line(entry), "each recipient must be a mapping of settings");
        }
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), source);
            if (!KEYS.contains(key)) {
                throw invalid(source, line(tuple.getKeyNode()), "unknown setting '" + key + "'");
            }
        }
        String location = required(map, "location-number", source);
        if (!location.matches("\\d{13}")) {
            throw invalid(source, line(value(map, "location-number")), "location-number must be 13 digits");
        }
        Channel channel = channel(map, source);
        Node formatsNode = value(map, "formats");
        if (!(formatsNode instanceof SequenceNode formatList) || formatList.getValue().isEmpty()) {
            throw invalid(source, line(formatsNode == null ? map : formatsNode), "formats must be a non-empty list");
        }
        Set<String> formats = new LinkedHashSet<>();
        formatList.getValue().forEach(f -> formats.add(scalar(f, source).toUpperCase(Locale.ROOT)));
        String municipality = optional(map, "municipality", source);
        return new Recipient(location, required(map, "name", source),
                municipality == null ? null : MunicipalityDirectory.normalise(municipality),
                optional(map, "organisation", source), optional(map, "unit", source), channel, Set.copyOf(formats),
                !"false".equals(optional(map, "enabled", source)),
                "municipal-unit".equals(optional(map, "role", source)), rules(map, source));
    }

    private static Channel channel(MappingNode map, String source) {
        String channel = optional(map, "channel", source);
        Channel.Type type;
        try {
            type = channel == null ? Channel.Type.FOLDER : Channel.Type.valueOf(channel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(source, line(value(map, "channel")), "channel must be folder, queue or http");
        }
        String url = optional(map, "url", source);
        if (type == Channel.Type.HTTP && (url == null || !url.matches("https?://.+"))) {
            throw invalid(source, line(map), "an http channel needs a url (http:// or https://)");
        }
        return new Channel(type, url);
    }

    private static List<RecipientRule> rules(MappingNode map, String source) {
        Node node = value(map, "rules");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode list)) {
            throw invalid(source, line(node), "rules must be a list");
        }
        List<RecipientRule> rules = new ArrayList<>();
        for (Node ruleNode : list.getValue()) {
            if (!(ruleNode instanceof MappingNode rule)) {
                throw invalid(source, line(ruleNode), "each rule must be a mapping");
            }
            String age = required(rule, "patient-under", source);
            if (!age.matches("\\d{1,3}")) {
                throw invalid(source, line(value(rule, "patient-under")), "patient-under must be an age in years");
            }
            rules.add(new RecipientRule(Integer.parseInt(age), required(rule, "location-number", source)));
        }
        return List.copyOf(rules);
    }

    private static String required(MappingNode map, String key, String source) {
        String value = optional(map, key, source);
        if (value == null || value.isBlank()) {
            throw invalid(source, line(map), "'" + key + "' is missing");
        }
        return value;
    }

    private static String optional(MappingNode map, String key, String source) {
        Node node = value(map, key);
        return node == null ? null : scalar(node, source);
    }

    private static Node value(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node node, String source) {
        if (!(node instanceof ScalarNode s)) {
            throw invalid(source, line(node), "expected a single value here");
        }
        return s.getValue();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static InvalidDirectoryException invalid(String source, int line, String problem) {
        return new InvalidDirectoryException(source + " line " + line + ": " + problem);
    }
}
