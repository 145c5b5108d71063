package dk.region.medcom.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dk.region.medcom.gateway.message.Phrase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping data of one letter type, read from {@code mapping/<name>.yaml}: which XML element
 * the letter is, which values come from the envelope, which XML values are constants, the XML
 * order of children, and the message body in EDIFACT order as segment templates inside segment
 * groups ({@code S01+01} ...). A template is written as the segment itself, e.g.
 * {@code NAD+PO+{Identifier}:{IdentifierCode|identifier-codes|span=2}++{OrganisationName}:::::US}:
 * literals are constants both ways, {@code {path|options}} a slot bound to an XML path relative to
 * the group's element. Slot options: a code list (a CSV under {@code mapping/}), {@code datetime},
 * {@code date}, {@code cpr}, {@code required}, {@code max=N}, {@code length=N}, {@code span=N} (a
 * code over N components), {@code default=X} (the XML value written when the XML has none),
 * {@code placeholder=X} (what EDIFACT carries for no value, both ways), {@code format-code} (the
 * literal after a date is its format code, named in findings), {@code again} (the value repeats
 * one the letter already has; another is left unread), {@code required-with=P} (required when the
 * XML has a value at P, a path beside this one). A path starting with {@code /} is relative
 * to the letter element, not the group's. Segment items may name an {@code otherwise} template,
 * be written {@code always}, be {@code reference} items, or be {@code read-only} (accepted where
 * they stand when read, written where another item puts them); groups and items may have a
 * {@code max} with {@code too-many} words, groups {@code max-segments}, {@code split},
 * {@code requires}, {@code any-order} and {@code only-with-values}, segments {@code by-tag}. Immutable once read.
 */
final class LetterSpec {

    /** A slot's conversion between the EDIFACT value and the XML form. */
    enum Format {
        TEXT,
        /** CCYYMMDDHHMM (DTM format 203) ⇄ path/Date + path/Time. */
        DATETIME,
        /** CCYYMMDD (DTM format 102) ⇄ path as YYYY-MM-DD. */
        DATE
    }

    /**
     * One {@code {path|options}} in a template. A path starting with {@code $} names a property of
     * the message type instead of XML ({@code $letter-type}): a constant that differs by type.
     */
    record Slot(String path, CodeList codes, Format format, int span, int maxLength, int length, boolean cpr, boolean required,
                String defaultValue, boolean fromRoot, String placeholder, boolean formatCode, boolean again, String requiredWith) {

        boolean isVariable() {
            return path.startsWith("$");
        }
    }

    /** A segment template: per element, per component, a String literal or a {@link Slot}. */
    record Template(String tag, List<List<Object>> elements, boolean hasSlots, boolean fromRoot) {

        Template(String tag, List<List<Object>> elements) {
            this(tag, elements, elements.stream().flatMap(List::stream).anyMatch(Slot.class::isInstance),
                    elements.stream().flatMap(List::stream).anyMatch(c -> c instanceof Slot slot && slot.fromRoot()));
        }

        /** The literal first component of element 1 (MedCom's qualifier), or null when it is a slot or empty. */
        String qualifier() {
            if (elements.isEmpty() || elements.get(0).isEmpty()) {
                return null;
            }
            return elements.get(0).get(0) instanceof String literal && !literal.isEmpty() ? literal : null;
        }

        // hasSlots: whether any component is a slot; fromRoot: whether a slot is the letter's own
        // ({@code /} path), so that the segment is written once
    }

    /** An item of a body: a segment or a group; optional items may be absent, repeating ones occur more than once. */
    sealed interface Item permits SegmentItem, GroupItem {
        boolean optional();

        boolean repeat();
    }

    /**
     * A segment. {@code freeText} names the XML element of formatted text that FTX segments carry
     * in element 4, with the format code in element 2 (then only tag and qualifier are templated);
     * {@code plainText} the element of plain text with breaks, carried in element 4 after the
     * templated elements. {@code byTag}: matched by its tag alone, its qualifier then a constant
     * like the others (another one is unread data, not an unexpected segment).
     */
    record SegmentItem(Template template, boolean optional, boolean repeat, String freeText, String plainText,
                       Template otherwise, boolean always, String reference, Limit limit, boolean readOnly, boolean byTag) implements Item {

        SegmentItem(Template template, boolean optional, boolean repeat, String freeText, String plainText) {
            this(template, optional, repeat, freeText, plainText, null, false, null, null, false, false);
        }
    }

    /**
     * A maximum number of occurrences and what a finding calls them beyond it (English, Danish; the
     * XML side's and the EDIFACT side's words may differ): {@code max: 10} with {@code too-many}.
     */
    record Limit(int max, Phrase xml, Phrase edifact) {
    }

    /**
     * A segment group bound to an XML element (or to the context itself when xml is null). MedCom's
     * groups open with a marker {@code Sxx+xx}; a group without a marker (CONTRL's UCM) is opened
     * by its first segment and holds the segments after it that its other items match.
     * {@code anyOrder}: its segments are read in any order (written in the items' order);
     * {@code onlyWithValues}: it is written only when the XML has a value for one of its items, not
     * for its constant segments alone.
     */
    record GroupItem(String marker, String xml, boolean optional, boolean repeat, List<Item> items, Limit limit, int split,
                     Limit segments, List<List<String>> requires, Phrase requiresText, boolean anyOrder, boolean onlyWithValues,
                     List<SegmentItem> openers) implements Item {

        GroupItem(String marker, String xml, boolean optional, boolean repeat, List<Item> items, Limit limit, int split,
                  Limit segments, List<List<String>> requires, Phrase requiresText, boolean anyOrder, boolean onlyWithValues) {
            this(marker, xml, optional, repeat, items, limit, split, segments, requires, requiresText, anyOrder, onlyWithValues,
                    openers(items, anyOrder));
        }

        boolean marked() {
            return marker != null;
        }

        /** The group's first segment, which tells group instances with the same marker apart. */
        Template first() {
            return ((SegmentItem) items.get(0)).template();
        }

        /**
         * The segment items an instance may open with: the first, and the ones after it while those
         * before are optional (any of them in a group read in any order).
         */
        private static List<SegmentItem> openers(List<Item> items, boolean anyOrder) {
            List<SegmentItem> openers = new ArrayList<>();
            for (Item item : items) {
                if (item instanceof SegmentItem segment && !segment.readOnly()) {
                    openers.add(segment); // a read-only item is accepted after others, never opening an instance
                } else if (item instanceof GroupItem group && !group.marked()) {
                    openers.add((SegmentItem) group.items().get(0)); // opened by its first segment
                }
                if (!item.optional() && !anyOrder) {
                    break;
                }
            }
            return List.copyOf(openers);
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper();

    final String name;
    /** The letter element; null when it is the message type's (message-types.csv), as for receipts. */
    final String letterElement;
    /** XML path → envelope field: sender, recipient or message-reference. */
    final Map<String, String> envelope = new LinkedHashMap<>();
    /** XML path → fixed value. */
    final Map<String, String> constants = new LinkedHashMap<>();
    /** XML path → the value EDIFACT → XML writes when the EDIFACT gave none (DIS91's inaktiv without PAS). */
    final Map<String, String> defaults = new LinkedHashMap<>();
    /** Element name → the order of its children in XML. */
    final Map<String, List<String>> order = new HashMap<>();
    final List<Item> body;

    private LetterSpec(String name, JsonNode root, Map<String, CodeList> codeLists) {
        this.name = name;
        letterElement = root.hasNonNull("letter") ? root.get("letter").asText() : null;
        root.path("envelope").fields().forEachRemaining(e -> envelope.put(e.getKey(), e.getValue().asText()));
        root.path("constants").fields().forEachRemaining(e -> constants.put(e.getKey(), e.getValue().asText()));
        root.path("defaults").fields().forEachRemaining(e -> defaults.put(e.getKey(), e.getValue().asText()));
        root.path("order").fields().forEachRemaining(e -> {
            List<String> names = new ArrayList<>();
            e.getValue().forEach(n -> names.add(n.asText()));
            order.put(e.getKey(), List.copyOf(names));
        });
        body = items(required(root, "body"), codeLists);
    }

    /** Whether {@code mapping/<name>.yaml} is on the classpath. */
    static boolean exists(String name) {
        return LetterSpec.class.getClassLoader().getResource(resource(name)) != null;
    }

    static LetterSpec load(String name, Map<String, CodeList> codeLists) {
        try (InputStream in = LetterSpec.class.getClassLoader().getResourceAsStream(resource(name))) {
            if (in == null) {
                throw new IllegalStateException("no mapping data " + resource(name));
            }
            return new LetterSpec(name, YAML.readTree(in), codeLists);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping data " + resource(name), e);
        }
    }

    private static String resource(String name) {
        return "mapping/" + name + ".yaml";
    }

    private JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("mapping " + name + ": '" + field + "' is missing in " + node);
        }
        return value;
    }

    private List<Item> items(JsonNode list, Map<String, CodeList> codeLists) {
        List<Item> items = new ArrayList<>();
        for (JsonNode node : list) {
            if (node.isTextual()) {
                items.add(new SegmentItem(template(node.asText(), codeLists), false, false, null, null));
            } else if (node.has("segments")) {
                List<List<String>> requires = new ArrayList<>();
                node.path("requires").forEach(any -> {
                    List<String> paths = new ArrayList<>();
                    any.forEach(p -> paths.add(p.asText()));
                    requires.add(List.copyOf(paths));
                });
                String xml = node.hasNonNull("xml") ? node.get("xml").asText() : null;
                items.add(new GroupItem(node.hasNonNull("group") ? node.get("group").asText() : null, xml,
                        node.path("optional").asBoolean(), node.path("repeat").asBoolean(),
                        items(required(node, "segments"), codeLists), limit(node, "max", "too-many", xml),
                        node.path("split").asInt(0), limit(node, "max-segments", "too-many-segments", null),
                        List.copyOf(requires), node.has("requires-text") ? phrase(node.get("requires-text")) : null,
                        node.path("any-order").asBoolean(), node.path("only-with-values").asBoolean()));
            } else {
                String reference = node.hasNonNull("reference") ? node.get("reference").asText() : null;
                items.add(new SegmentItem(template(required(node, "segment").asText(), codeLists), node.path("optional").asBoolean(),
                        node.path("repeat").asBoolean(), node.hasNonNull("free-text") ? node.get("free-text").asText() : null,
                        node.hasNonNull("plain-text") ? node.get("plain-text").asText() : null,
                        node.hasNonNull("otherwise") ? template(node.get("otherwise").asText(), codeLists) : null,
                        node.path("always").asBoolean(), reference, limit(node, "max", "too-many", reference),
                        node.path("read-only").asBoolean(), node.path("by-tag").asBoolean()));
            }
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("mapping " + name + ": an empty list of segments");
        }
        return List.copyOf(items);
    }

    /**
     * {@code max: N} with {@code too-many: {en, da}} (both sides) or {@code too-many: {xml: {en, da}, edifact: {en, da}}};
     * without words a finding names the XML element.
     */
    private Limit limit(JsonNode node, String maxField, String wordsField, String xml) {
        if (!node.has(maxField)) {
            return null;
        }
        JsonNode words = node.path(wordsField);
        Phrase fallback = xml == null ? null : new Phrase(xml.substring(xml.lastIndexOf('/') + 1), xml.substring(xml.lastIndexOf('/') + 1));
        Phrase xmlWords = words.has("xml") ? phrase(words.get("xml")) : words.has("en") ? phrase(words) : fallback;
        Phrase edifactWords = words.has("edifact") ? phrase(words.get("edifact")) : words.has("en") ? phrase(words) : fallback;
        return new Limit(node.get(maxField).asInt(), xmlWords, edifactWords);
    }

    private Phrase phrase(JsonNode node) {
        return new Phrase(required(node, "en").asText(), required(node, "da").asText());
    }

    /** Parses {@code TAG+a:b+{slot}...}; slots hold neither {@code +} nor {@code :}. */
    private Template template(String text, Map<String, CodeList> codeLists) {
        StringBuilder current = new StringBuilder();
        List<List<Object>> elements = new ArrayList<>();
        List<Object> components = null;
        String tag = null;
        int depth = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '+';
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (depth == 0 && (c == '+' || c == ':')) {
                if (tag == null) {
                    tag = current.toString();
                } else {
                    components.add(component(current.toString(), codeLists));
                }
                current.setLength(0);
                if (c == '+') {
                    components = new ArrayList<>();
                    elements.add(components);
                }
            } else {
                current.append(c);
            }
        }
        elements.remove(elements.size() - 1); // the sentinel '+' opened one more
        return new Template(tag, elements.stream().map(List::copyOf).toList());
    }

    private Object component(String text, Map<String, CodeList> codeLists) {
        if (!text.startsWith("{")) {
            return text;
        }
        String[] options = text.substring(1, text.length() - 1).split("\\|");
        CodeList codes = null;
        Format format = Format.TEXT;
        int span = 1;
        int maxLength = 0;
        int length = 0;
        boolean cpr = false;
        boolean required = false;
        String defaultValue = null;
        String placeholder = null;
        String requiredWith = null;
        boolean formatCode = false;
        boolean again = false;
        for (int i = 1; i < options.length; i++) {
            String option = options[i];
            switch (option) {
                case "datetime" -> format = Format.DATETIME;
                case "date" -> format = Format.DATE;
                case "cpr" -> cpr = true;
                case "required" -> required = true;
                case "format-code" -> formatCode = true;
                case "again" -> again = true;
                default -> {
                    if (option.startsWith("span=")) {
                        span = Integer.parseInt(option.substring(5));
                    } else if (option.startsWith("required-with=")) {
                        requiredWith = option.substring(14);
                    } else if (option.startsWith("placeholder=")) {
                        placeholder = option.substring(12);
                    } else if (option.startsWith("default=")) {
                        defaultValue = option.substring(8);
                    } else if (option.startsWith("length=")) {
                        length = Integer.parseInt(option.substring(7));
                    } else if (option.startsWith("max=")) {
                        maxLength = Integer.parseInt(option.substring(4));
                    } else {
                        codes = codeLists.computeIfAbsent(option, CodeList::load);
                    }
                }
            }
        }
        if (options[0].startsWith("$") && codes == null) {
            throw new IllegalStateException("mapping " + name + ": " + text + " needs a code list to give the type's value");
        }
        boolean fromRoot = options[0].startsWith("/");
        return new Slot(fromRoot ? options[0].substring(1) : options[0], codes, format, span, maxLength, length, cpr, required,
                defaultValue, fromRoot, placeholder, formatCode, again, requiredWith);
    }
}
