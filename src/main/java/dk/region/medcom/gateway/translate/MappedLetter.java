package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import dk.region.medcom.gateway.parse.edifact.Segment;
import dk.region.medcom.gateway.translate.LetterSpec.Format;
import dk.region.medcom.gateway.translate.LetterSpec.GroupItem;
import dk.region.medcom.gateway.translate.LetterSpec.Item;
import dk.region.medcom.gateway.translate.LetterSpec.SegmentItem;
import dk.region.medcom.gateway.translate.LetterSpec.Slot;
import dk.region.medcom.gateway.translate.LetterSpec.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping engine: one letter type both ways, driven only by its {@link LetterSpec} (a YAML
 * file under {@code mapping/}). EDIFACT → XML matches the message's segment groups and segments
 * against the body's items in order, reads every slot into an {@link XmlNode} tree and writes it
 * in the data's XML order; XML → EDIFACT walks the same items, filling each template from the XML
 * element its group is bound to. Whatever a template does not read is left unread in the segment,
 * so {@link UnreadData} reports it: nothing is dropped silently.
 */
final class MappedLetter implements LetterMapping {


    private final LetterSpec spec;
    private final MappingData mapping;
    private final CodeList textFormats;
    private final FreeTextXml freeText;

    MappedLetter(LetterSpec spec, MappingData mapping) {
        this.spec = spec;
        this.mapping = mapping;
        this.textFormats = mapping.textFormats;
        this.freeText = new FreeTextXml(mapping.textFormats);
    }

    // ---------------------------------------------------------------- EDIFACT → XML

    @Override
    public void toXml(MessageType type, List<Segment> message, Envelope envelope, XmlOut out, List<Finding> findings) {
        XmlNode letter = new XmlNode(spec.letterElement != null ? spec.letterElement : type.xmlElement());
        Segment unh = message.get(0);
        spec.envelope.forEach((path, field) -> letter.path(path).text = switch (field) {
            case "sender" -> envelope.senderId();
            case "recipient" -> envelope.recipientId();
            case "message-reference" -> unh.value(1);
            default -> throw new IllegalStateException("mapping " + spec.name + ": unknown envelope field " + field);
        });
        spec.constants.forEach((path, value) -> letter.path(path).text = substituted(value, type));
        List<Unit> units = units(message.subList(1, message.size() - 1));
        new Reading(type, findings, letter).match(spec.body, units, letter, unh, false);
        spec.defaults.forEach((path, value) -> {
            if (!hasText(letter, path)) {
                letter.path(path).text = value;
            }
        });
        letter.writeLetter(out, spec.order, freeText);
    }

    /** Constants that differ by message type: {@code ${xml_version_code}} and {@code ${type_code}} (XCTL01 ...). */
    private static String substituted(String value, MessageType type) {
        return value.replace("${xml_version_code}", type.xmlVersionCode()).replace("${type_code}", type.xmlTypeCode());
    }

    /** The value of a {@code $} slot: a property of the message type. */
    private String variable(Slot slot, MessageType type) {
        if (slot.path().equals("$letter-type")) {
            return type.letterType();
        }
        throw new IllegalStateException("mapping " + spec.name + ": unknown variable " + slot.path());
    }

    /** A top-level segment, or a group: its marker and the segments up to the next marker. */
    private record Unit(Segment first, List<Segment> segments) {
        boolean isGroup() {
            return SegmentValues.isGroupMarker(first);
        }

        Segment last() {
            return segments.get(segments.size() - 1);
        }
    }

    private static List<Unit> units(List<Segment> body) {
        List<Unit> units = new ArrayList<>();
        List<Segment> group = null;
        for (Segment segment : body) {
            if (SegmentValues.isGroupMarker(segment)) {
                group = new ArrayList<>();
                group.add(segment);
                units.add(new Unit(segment, group));
            } else if (group != null) {
                group.add(segment);
            } else {
                units.add(new Unit(segment, List.of(segment)));
            }
        }
        return units;
    }

    /** One EDIFACT → XML translation of one message: its type and where findings go. */
    private final class Reading {

        private final MessageType type;
        private final List<Finding> findings;
        /** The letter element, for {@code /} paths: values of the letter as a whole read inside a group. */
        private final XmlNode root;

        Reading(MessageType type, List<Finding> findings, XmlNode root) {
            this.type = type;
            this.findings = findings;
            this.root = root;
        }

        /**
         * Matches units to items in order; an item may be skipped when optional and stays current while it repeats.
         * In any order, every unit is matched against all items, and only missing ones are reported at the end.
         */
        void match(List<Item> items, List<Unit> units, XmlNode context, Segment opening, boolean anyOrder) {
            int[] counts = new int[items.size()];
            int current = 0;
            Segment last = opening;
            int u = 0;
            while (u < units.size()) {
                Unit unit = units.get(u);
                int found = -1;
                for (int k = anyOrder ? 0 : current; k < items.size() && found < 0; k++) {
                    if (matches(items.get(k), unit)) {
                        found = k;
                    }
                }
                if (found < 0) {
                    unexpected(unit);
                    last = unit.last();
                    u++;
                    continue;
                }
                if (!anyOrder) {
                    missing(items, counts, current, found, unit.first(), "before");
                }
                counts[found]++;
                Item item = items.get(found);
                if (item instanceof GroupItem group && group.limit() != null && counts[found] == group.limit().max() + 1) {
                    findings.add(TranslationRule.TOO_MANY.at(unit.first(), group.limit().max(), group.limit().edifact()));
                }
                int next = u + 1;
                if (item instanceof GroupItem group && !group.marked()) {
                    // a group without a marker holds the segments after its first that its other items take
                    while (next < units.size() && belongs(group, unit, units.get(next))) {
                        next++;
                    }
                    List<Unit> members = units.subList(u, next);
                    match(group.items(), members, groupContext(group, context), unit.first(), group.anyOrder());
                } else {
                    apply(item, unit, context);
                }
                last = units.get(next - 1).last();
                u = next;
                current = item.repeat() ? found : found + 1;
            }
            missing(items, counts, anyOrder ? 0 : current, items.size(), last, "after");
        }

        /**
         * A segment after a marker-less group's first belongs to it when not opening another instance and one of its items takes it.
         * When the first repeats, a segment like it with the same qualifier continues the instance (REF01's visitation text over
         * several FTX+HV, one HospitalVisitation).
         */
        private boolean belongs(GroupItem group, Unit opening, Unit unit) {
            if (unit.isGroup()) {
                return false;
            }
            if (matches(group.first(), unit.first())) {
                return group.items().get(0).repeat() && qualifier(unit.first()).equals(qualifier(opening.first()));
            }
            return group.items().stream().skip(1).anyMatch(i -> matches(i, unit));
        }

        private void unexpected(Unit unit) {
            findings.add(TranslationRule.UNEXPECTED_SEGMENT.at(unit.first(), new Phrase(
                    "the " + type.xmlElement() + " mapping", "afbildningen af " + type.xmlElement())));
            if (unit.isGroup()) {
                unit.segments().stream().skip(1).forEach(s -> findings.add(TranslationRule.UNEXPECTED_SEGMENT.at(s,
                        new Phrase("group " + unit.first().tag(), "gruppe " + unit.first().tag()))));
            }
        }

        /** Reports mandatory items that were never matched, located at the segment they belong before (or after). */
        private void missing(List<Item> items, int[] counts, int from, int to, Segment where, String side) {
            for (int k = from; k < to; k++) {
                if (!items.get(k).optional() && counts[k] == 0) {
                    findings.add(TranslationRule.MISSING.at(where, describe(items.get(k)) + " " + side + " segment " + where.number() + " " + where.tag()));
                }
            }
        }

        private void apply(Item item, Unit unit, XmlNode context) {
            if (item instanceof GroupItem group) {
                Segment marker = unit.first();
                marker.hasConstant(1, 1, group.marker().substring(1));
                List<Unit> segments = unit.segments().stream().skip(1).map(s -> new Unit(s, List.of(s))).toList();
                XmlNode groupNode = groupContext(group, context);
                match(group.items(), segments, groupNode, marker, group.anyOrder());
                checkRequired(group, groupNode, marker);
            } else {
                read((SegmentItem) item, unit.first(), context);
            }
        }

        /** A group's {@code requires}: of each list of paths, at least one has a value. */
        private void checkRequired(GroupItem group, XmlNode node, Segment marker) {
            for (List<String> anyOf : group.requires()) {
                boolean present = false;
                for (String path : anyOf) {
                    present |= hasText(node, path);
                }
                if (!present) {
                    Phrase words = group.requiresText();
                    findings.add(TranslationRule.MISSING.at(marker, new Phrase("group " + marker.tag() + " (segment " + marker.number() + ") "
                            + words.en(), "gruppe " + marker.tag() + " (segment " + marker.number() + ") " + words.da())));
                    return;
                }
            }
        }

        private void read(SegmentItem item, Segment segment, XmlNode context) {
            Template template = item.template();
            if (item.reference() != null) {
                readReference(item, segment, context);
                return;
            }
            if (item.otherwise() != null && !matches(template, segment)) {
                template = item.otherwise();
            }
            if (item.freeText() != null) {
                readTemplate(template, segment, context); // the qualifier: a constant, or a slot (REF01's visitation code)
                SegmentValues.checkLineLengths(segment, findings);
                String format = segment.value(2).isEmpty() ? TextRun.PLAIN : segment.value(2);
                if (textFormats.toXml(format) == null) {
                    findings.add(TranslationRule.TEXT_FORMAT.at(segment));
                }
                FreeTextEdifact.appendLines(format, segment.components(4), runs(context, item.freeText()));
                return;
            }
            readTemplate(template, segment, context);
            if (item.plainText() != null) {
                SegmentValues.checkLineLengths(segment, findings);
                List<String> lines = segment.components(4);
                if (!lines.isEmpty()) { // a refusal may have a code and no text
                    FreeTextEdifact.appendLines(TextRun.PLAIN, lines, runs(context, item.plainText()));
                }
            }
        }

        /** Reads every slot of the template and checks its constants. */
        private void readTemplate(Template template, Segment segment, XmlNode context) {
            for (int e = 0; e < template.elements().size(); e++) {
                List<Object> components = template.elements().get(e);
                for (int c = 0; c < components.size(); c++) {
                    Object component = components.get(c);
                    if (component instanceof Slot slot) {
                        String formatCode = slot.formatCode() && c + 1 < components.size() ? (String) components.get(c + 1) : null;
                        readSlot(slot, segment, e + 1, c + 1, slot.fromRoot() ? root : context, formatCode);
                    } else if (!((String) component).isEmpty()) {
                        segment.hasConstant(e + 1, c + 1, (String) component);
                    }
                }
            }
        }

        private List<TextRun> runs(XmlNode context, String path) {
            XmlNode text = context.path(path);
            if (text.runs == null) {
                text.runs = new ArrayList<>();
            }
            return text.runs;
        }

        /** An FTX+BIN/URL/SUP as a new reference element (MedCom's reference layout, {@link ReferenceEdifact}). */
        private void readReference(SegmentItem item, Segment ftx, XmlNode context) {
            Reference reference = ReferenceEdifact.read(ftx, mapping, findings);
            String path = item.reference().startsWith("/") ? item.reference().substring(1) : item.reference();
            XmlNode parent = parentOf(item.reference().startsWith("/") ? root : context, path);
            XmlNode node = parent.add(lastStep(path));
            if (item.limit() != null && count(parent, node.name) == item.limit().max() + 1) {
                findings.add(TranslationRule.TOO_MANY.at(ftx, item.limit().max(), item.limit().edifact()));
            }
            node.child("RefDescription").text = reference.description;
            switch (reference.kind) {
                case URL -> node.child("URL").text = reference.url;
                case SUP -> node.child("SUP").text = "true";
                case BIN -> {
                    XmlNode binary = node.child("BIN");
                    binary.child("ObjectIdentifier").text = reference.objectIdentifier;
                    binary.child("ObjectCode").text = reference.objectCode;
                    binary.child("ObjectExtensionCode").text = reference.objectExtensionCode;
                    binary.child("OriginalObjectSize").text = reference.originalObjectSize;
                }
            }
        }

        private void readSlot(Slot slot, Segment segment, int element, int component, XmlNode context, String formatCode) {
            String value = segment.value(element, component);
            if (slot.span() > 1) {
                StringBuilder joined = new StringBuilder(value);
                for (int more = 1; more < slot.span(); more++) {
                    joined.append(':').append(segment.value(element, component + more));
                }
                value = joined.length() == slot.span() - 1 ? "" : joined.toString(); // only the separators: no value
            }
            if (slot.placeholder() != null && value.equals(slot.placeholder())) {
                value = ""; // MedCom's stand-in for a value the XML does not have
            }
            // the place a finding names, made only for a finding
            Where where = new Where(segment, element, formatCode);
            if (formatCode != null) {
                if (!value.isEmpty() && !segment.value(element, component + 1).equals(formatCode)) {
                    findings.add(TranslationRule.DATE.at(segment, where));
                    return;
                }
            }
            if (value.isEmpty()) {
                if (slot.required() || slot.requiredWith() != null && hasText(context, slot.requiredWith())) {
                    findings.add(TranslationRule.MISSING.at(segment, where));
                }
                return;
            }
            if (slot.isVariable()) {
                // a constant that differs by type, checked against its code list (CONTRL's action 4 or 7)
                if (!value.equals(slot.codes().toEdifact(variable(slot, type)))) {
                    findings.add(TranslationRule.CODE_UNKNOWN.at(segment, where, slot.codes().name()));
                }
                return;
            }
            if (slot.maxLength() > 0) {
                SegmentValues.limited(segment, element, value, slot.maxLength(), findings);
            }
            if (slot.length() > 0 && value.length() != slot.length()) {
                findings.add(TranslationRule.WRONG_LENGTH.at(segment, where, slot.length()));
            }
            if (slot.cpr() && !Identifiers.isCpr(value)) {
                findings.add(TranslationRule.CPR.at(segment, where));
            }
            if (slot.codes() != null) {
                value = SegmentValues.code(segment, element, slot.codes(), value, findings);
                if (value == null) {
                    return;
                }
            }
            if (slot.again()) {
                // the value repeats one the letter already has (UNH's reference, DTM+137): another one is left unread
                String expected = already(slot, context);
                if (expected != null) {
                    segment.hasConstant(element, component, expected);
                    return;
                }
            }
            switch (slot.format()) {
                case DATETIME -> {
                    String date = value.length() == 12 ? DateTimes.dateFromCcyymmdd(value) : null;
                    String time = value.length() == 12 ? DateTimes.time(value, 8) : null;
                    if (date == null || time == null) {
                        findings.add(TranslationRule.DATE.at(segment, where));
                        return;
                    }
                    set(context.path(slot.path()), "Date", date, segment, where);
                    set(context.path(slot.path()), "Time", time, segment, where);
                }
                case DATE -> {
                    String date = value.length() == 8 ? DateTimes.dateFromCcyymmdd(value) : null;
                    if (date == null) {
                        findings.add(TranslationRule.DATE.at(segment, where));
                        return;
                    }
                    set(parentOf(context, slot.path()), lastStep(slot.path()), date, segment, where);
                }
                case TEXT -> set(parentOf(context, slot.path()), lastStep(slot.path()), value, segment, where);
            }
        }

        /** The EDIFACT form of the value the letter already has at the slot's path, or null. */
        private String already(Slot slot, XmlNode context) {
            if (slot.format() == Format.DATETIME) {
                if (!hasText(context, slot.path() + "/Date") || !hasText(context, slot.path() + "/Time")) {
                    return null;
                }
                XmlNode node = context.path(slot.path());
                return DateTimes.compactDate(node.child("Date").text) + DateTimes.compactTime(node.child("Time").text);
            }
            return hasText(context, slot.path()) && slot.codes() == null && slot.format() == Format.TEXT ? context.path(slot.path()).text : null;
        }

        /** Sets a leaf; a value the letter already has (UNH's reference again in RFF+SRI) must agree. */
        private void set(XmlNode parent, String name, String value, Segment segment, Where where) {
            XmlNode leaf = parent.child(name);
            if (leaf.text != null && !leaf.text.equals(value)) {
                findings.add(TranslationRule.CONFLICT.at(segment, where, parent.name + "/" + name));
                return;
            }
            leaf.text = value;
        }
    }

    /** Where in a segment a slot is, as findings name it: {@code segment 3 DTM element 1 (format 203)}. */
    private record Where(Segment segment, int element, String formatCode) {
        @Override
        public String toString() {
            return "segment " + segment.number() + " " + segment.tag() + " element " + element
                    + (formatCode == null ? "" : " (format " + formatCode + ")");
        }
    }

    private static String describe(Item item) {
        if (item instanceof GroupItem group) {
            return "group " + (group.marked() ? group.marker() + " (" + describe(group.items().get(0)) + ")" : describe(group.items().get(0)));
        }
        Template template = ((SegmentItem) item).template();
        return template.tag() + (template.qualifier() == null ? "" : "+" + template.qualifier());
    }

    private static boolean matches(Item item, Unit unit) {
        if (item instanceof GroupItem group) {
            if (!group.marked()) {
                return !unit.isGroup() && matches(group.first(), unit.first());
            }
            if (!unit.isGroup() || !unit.first().tag().equals(group.marker()) || unit.segments().size() < 2) {
                return false;
            }
            for (SegmentItem opener : group.openers()) {
                if (matches(opener, unit.segments().get(1))) {
                    return true;
                }
            }
            return false;
        }
        return !unit.isGroup() && matches((SegmentItem) item, unit.first());
    }

    /** The item's template, its alternative ({@code otherwise}), its tag alone ({@code by-tag}), or for a reference item a reference kind. */
    private static boolean matches(SegmentItem item, Segment segment) {
        if (item.reference() != null) {
            return segment.tag().equals(item.template().tag()) && !segment.elements().isEmpty() && !segment.elements().get(0).isEmpty()
                    && Reference.kindOf(segment.elements().get(0).get(0)) != null;
        }
        if (item.byTag()) {
            return segment.tag().equals(item.template().tag());
        }
        return matches(item.template(), segment) || item.otherwise() != null && matches(item.otherwise(), segment);
    }

    private static int count(XmlNode parent, String name) {
        int count = 0;
        for (XmlNode child : parent.children) {
            if (child.name.equals(name)) {
                count++;
            }
        }
        return count;
    }

    /** Whether the node has a text (or formatted text) at the path, without creating anything. */
    private static boolean hasText(XmlNode node, String path) {
        XmlNode current = node;
        for (String step : path.split("/")) {
            XmlNode next = null;
            for (XmlNode child : current.children) {
                if (child.name.equals(step)) {
                    next = child;
                }
            }
            if (next == null) {
                return false;
            }
            current = next;
        }
        return current.text != null && !current.text.isEmpty() || current.runs != null;
    }

    /** Tag and qualifier, looked at without marking them read. */
    private static boolean matches(Template template, Segment segment) {
        if (!segment.tag().equals(template.tag())) {
            return false;
        }
        String qualifier = template.qualifier();
        return qualifier == null || qualifier(segment).equals(qualifier);
    }

    /** The segment's first component, looked at without marking it read; empty when absent. */
    private static String qualifier(Segment segment) {
        List<List<String>> elements = segment.elements();
        return elements.isEmpty() || elements.get(0).isEmpty() ? "" : elements.get(0).get(0);
    }

    /** The node a group's values go into: its xml element (a new one per instance when it repeats), else the context. */
    private static XmlNode groupContext(GroupItem group, XmlNode context) {
        if (group.xml() == null) {
            return context;
        }
        return group.repeat() ? parentOf(context, group.xml()).add(lastStep(group.xml())) : context.path(group.xml());
    }

    private static XmlNode parentOf(XmlNode context, String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? context : context.path(path.substring(0, slash));
    }

    private static String lastStep(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // ---------------------------------------------------------------- XML → EDIFACT

    @Override
    public void toEdifact(MessageType type, XmlElement letter, EdifactOut out, List<Finding> findings) {
        Writing writing = new Writing(type, out, findings, letter);
        // what the envelope and the type's constants carry is read by XmlToEdifact or fixed by the type
        for (String path : spec.envelope.keySet()) {
            writing.taken(element(letter, path));
        }
        for (String path : spec.constants.keySet()) {
            writing.taken(element(letter, path));
        }
        writing.write(spec.body, letter);
        writing.reportUnread(letter);
    }

    /** One XML → EDIFACT translation of one letter element. */
    private final class Writing {

        private final MessageType type;
        private final EdifactOut out;
        private final List<Finding> findings;
        /** The letter element, for {@code /} paths. */
        private final XmlElement root;
        /** The open group's marker, written before its first segment (a group with no segment is not written). */
        private String marker;
        private boolean markerWritten;
        /** Segments since the open group's marker; with {@code split}, a full group is followed by another marker. */
        private int inGroup;
        private int split;
        /** Whether the open group instance is not the first: values of the letter as a whole ({@code /} paths) are written once. */
        private boolean laterInstance;
        /** A group written only for its {@code /} values: the XML has no instance of it. */
        private boolean rootOnly;
        /** The open group's {@code max-segments}. */
        private LetterSpec.Limit segmentLimit;

        Writing(MessageType type, EdifactOut out, List<Finding> findings, XmlElement root) {
            this.type = type;
            this.out = out;
            this.findings = findings;
            this.root = root;
        }

        /** Writes a body segment, opening the group first when it is the group's first (or its split's). */
        private void segment(String tag, Object... elements) {
            if (marker != null && (!markerWritten || split > 0 && inGroup == split)) {
                out.segment(marker, marker.substring(1));
                markerWritten = true;
                inGroup = 0;
            }
            out.segment(tag, elements);
            inGroup++;
        }

        /** Marks an element and everything in it as carried over; returns it. */
        XmlElement taken(XmlElement element) {
            if (element != null) {
                element.carried = true;
                element.forEachChild(this::taken);
            }
            return element;
        }

        /** Every element with text that no template took: an error, as the XML would otherwise lose data silently. */
        void reportUnread(XmlElement element) {
            List<XmlElement> unread = new ArrayList<>();
            collectUnread(element, unread);
            unread.stream().limit(UnreadData.MAX_FINDINGS_PER_MESSAGE)
                    .forEach(e -> findings.add(TranslationRule.XML_UNREAD_DATA.at(e, e.path())));
        }

        private void collectUnread(XmlElement element, List<XmlElement> unread) {
            if (!element.carried && element.hasText()) {
                unread.add(element);
            }
            element.forEachChild(child -> collectUnread(child, unread));
        }

        void write(List<Item> items, XmlElement context) {
            for (Item item : items) {
                if (item instanceof GroupItem group) {
                    write(group, context);
                } else if (!((SegmentItem) item).readOnly() && !(laterInstance && fromRoot((SegmentItem) item))
                        && (!rootOnly || fromRoot((SegmentItem) item))) {
                    write((SegmentItem) item, context);
                }
            }
        }

        private void write(GroupItem group, XmlElement context) {
            List<XmlElement> instances = group.xml() == null ? List.of(context) : elements(context, group.xml());
            boolean onlyRootValues = false;
            if (instances.isEmpty() && group.items().stream().anyMatch(i -> i instanceof SegmentItem s && fromRoot(s))) {
                instances = List.of(context); // the letter's own values (/ paths) still go into one instance
                onlyRootValues = true;
            }
            if (instances.isEmpty() && !group.optional()) {
                findings.add(TranslationRule.MISSING.at(context, context.path() + "/" + group.xml()));
            }
            if (group.limit() != null && instances.size() > group.limit().max()) {
                findings.add(TranslationRule.TOO_MANY.at(instances.get(group.limit().max()), group.limit().max(), group.limit().xml()));
            }
            String outerMarker = marker;
            boolean outerWritten = markerWritten;
            int outerInGroup = inGroup;
            int outerSplit = split;
            boolean outerLater = laterInstance;
            boolean outerRootOnly = rootOnly;
            LetterSpec.Limit outerLimit = segmentLimit;
            boolean first = true;
            for (XmlElement instance : group.repeat() ? instances : instances.stream().limit(1).toList()) {
                if (group.onlyWithValues() && !hasValues(group.items(), instance)) {
                    continue; // its constants alone (S18's GIS+N) are not worth a group
                }
                if (group.marked()) {
                    marker = group.marker();
                    markerWritten = false;
                    inGroup = 0;
                    split = group.split();
                    segmentLimit = group.segments();
                }
                laterInstance = outerLater || !first;
                rootOnly = onlyRootValues;
                if (!onlyRootValues) {
                    checkRequired(group, instance);
                }
                write(group.items(), instance);
                first = false;
            }
            marker = outerMarker;
            markerWritten = outerWritten;
            inGroup = outerInGroup;
            split = outerSplit;
            laterInstance = outerLater;
            rootOnly = outerRootOnly;
            segmentLimit = outerLimit;
        }

        /** A group's {@code requires}: of each list of paths, at least one has a value. */
        private void checkRequired(GroupItem group, XmlElement instance) {
            for (List<String> anyOf : group.requires()) {
                boolean present = false;
                for (String path : anyOf) {
                    XmlElement e = element(instance, path);
                    present |= e != null && e.hasText();
                }
                if (!present) {
                    Phrase words = group.requiresText();
                    findings.add(TranslationRule.MISSING.at(instance, new Phrase(instance.path() + " " + words.en(), instance.path() + " " + words.da())));
                    return;
                }
            }
        }

        /** Whether the XML has an element for a slot, text or reference of the items (in nested groups too). */
        private boolean hasValues(List<Item> items, XmlElement context) {
            for (Item item : items) {
                if (item instanceof GroupItem group) {
                    for (XmlElement instance : group.xml() == null ? List.of(context) : elements(context, group.xml())) {
                        if (hasValues(group.items(), instance)) {
                            return true;
                        }
                    }
                    continue;
                }
                SegmentItem segment = (SegmentItem) item;
                for (String path : valuePaths(segment)) {
                    if (element(context, path) != null) {
                        return true;
                    }
                }
            }
            return false;
        }

        private List<String> valuePaths(SegmentItem item) {
            List<String> paths = new ArrayList<>();
            for (String path : new String[] {item.freeText(), item.plainText(), item.reference()}) {
                if (path != null) {
                    paths.add(path);
                }
            }
            item.template().elements().stream().flatMap(List::stream)
                    .forEach(c -> {
                        if (c instanceof Slot slot && !slot.isVariable() && !slot.fromRoot()) {
                            paths.add(slot.path());
                        }
                    });
            return paths;
        }

        private boolean fromRoot(SegmentItem item) {
            return item.template().fromRoot();
        }

        private void write(SegmentItem item, XmlElement context) {
            if (item.reference() != null) {
                writeReferences(item, context);
                return;
            }
            if (item.freeText() != null) {
                writeFreeText(item, context);
                return;
            }
            if (!write(item, item.template(), context, item.otherwise() != null) && item.otherwise() != null) {
                write(item, item.otherwise(), context, false);
            }
        }

        /** One segment per reference element, in MedCom's FTX+BIN/URL/SUP layout ({@link ReferenceEdifact}). */
        private void writeReferences(SegmentItem item, XmlElement context) {
            List<XmlElement> references = elements(context, item.reference());
            if (item.limit() != null && references.size() > item.limit().max()) {
                findings.add(TranslationRule.TOO_MANY.at(references.get(item.limit().max()), item.limit().max(), item.limit().xml()));
            }
            for (XmlElement element : references) {
                taken(element);
                int before = findings.size();
                Reference reference = ReferenceXml.readOne(element, mapping, findings);
                if (findings.subList(before, findings.size()).stream().anyMatch(Finding::isError)) {
                    continue; // reported; nothing sensible to write
                }
                String[] text = ReferenceEdifact.text(reference, mapping);
                segment(item.template().tag(), reference.kind.name(), TextRun.PLAIN, "", EdifactOut.composite(text));
            }
        }

        /** Writes the template filled from the context; false when it has slots and none has a value (nothing written). */
        private boolean write(SegmentItem item, Template template, XmlElement context, boolean hasAlternative) {
            XmlElement plain = item.plainText() == null ? null : taken(element(context, item.plainText()));
            Object[] elements = new Object[template.elements().size()];
            boolean filled = plain != null;
            for (int e = 0; e < elements.length; e++) {
                List<Object> components = template.elements().get(e);
                int width = 0;
                for (Object component : components) {
                    width += component instanceof Slot slot ? slot.span() : 1;
                }
                String[] values = new String[width];
                int v = 0;
                boolean elementHasSlots = false;
                boolean elementFilled = false;
                for (Object component : components) {
                    if (component instanceof Slot slot) {
                        String value = slotValue(slot, slot.fromRoot() ? root : context);
                        if (value == null && slot.requiredWith() != null && hasText(element(context, slot.requiredWith()))) {
                            // NAD+BV's identifier is nothing without its code
                            findings.add(TranslationRule.MISSING.at(context, context.path() + "/" + slot.path()));
                        }
                        elementHasSlots = true;
                        elementFilled |= value != null && !value.isEmpty();
                        if (value == null && slot.defaultValue() != null) {
                            value = slot.codes() == null ? slot.defaultValue() : slot.codes().toEdifact(slot.defaultValue());
                        } else if ((value == null || value.isEmpty()) && slot.placeholder() != null) {
                            value = slot.placeholder();
                        }
                        if (slot.span() > 1) {
                            String[] parts = value == null ? new String[0] : value.split(":", -1);
                            for (int i = 0; i < slot.span(); i++) {
                                values[v++] = i < parts.length ? parts[i] : "";
                            }
                        } else {
                            values[v++] = value;
                        }
                    } else {
                        values[v++] = (String) component;
                    }
                }
                filled |= elementFilled;
                // the constants beside an absent value qualify it (CPR:IM, FO:): without the value the element is empty
                elements[e] = elementHasSlots && !elementFilled && !hasDefault(components) ? "" : EdifactOut.composite(values);
            }
            if (template.hasSlots() && !filled && !item.always()) {
                if (!item.optional() && !hasAlternative) {
                    findings.add(TranslationRule.MISSING.at(context, context.path() + ": " + describe(item)));
                }
                return false;
            }
            if (plain == null) {
                segment(template.tag(), elements);
                return true;
            }
            List<TextRun> runs = freeText.read(plain);
            if (runs == null) {
                findings.add(TranslationRule.TEXT_MARKUP.at(plain, plain.path()));
                return true;
            }
            List<String[]> chunks = FreeTextEdifact.segments(FreeTextEdifact.lines(FreeTextXml.plain(runs)));
            if (chunks.isEmpty()) {
                segment(template.tag(), elements);
            }
            for (String[] lines : chunks) {
                Object[] withText = java.util.Arrays.copyOf(elements, Math.max(elements.length, 3) + 1);
                for (int e = elements.length; e < 3; e++) {
                    withText[e] = "";
                }
                withText[3] = EdifactOut.composite(lines);
                segment(template.tag(), withText);
            }
            return true;
        }

        private boolean hasDefault(List<Object> components) {
            for (Object c : components) {
                if (c instanceof Slot slot && (slot.defaultValue() != null || slot.placeholder() != null)) {
                    return true;
                }
            }
            return false;
        }

        private void writeFreeText(SegmentItem item, XmlElement context) {
            XmlElement text = taken(element(context, item.freeText()));
            String qualifier = item.template().qualifier();
            if (!item.template().elements().isEmpty() && item.template().elements().get(0).get(0) instanceof Slot slot) {
                qualifier = slotValue(slot, context); // a coded qualifier (REF01's visitation code)
                if (qualifier == null) {
                    if (slot.required() && element(context, slot.path()) == null) {
                        findings.add(TranslationRule.MISSING.at(context, context.path() + "/" + slot.path()));
                    }
                    return;
                }
            }
            if (text == null) {
                if (!item.optional()) {
                    findings.add(TranslationRule.MISSING.at(context, context.path() + "/" + item.freeText()));
                }
                return;
            }
            List<TextRun> runs = freeText.read(text);
            if (runs == null) {
                findings.add(TranslationRule.TEXT_MARKUP.at(text, text.path()));
                return;
            }
            List<List<String[]>> perRun = new ArrayList<>(runs.size());
            int segments = 0;
            for (TextRun run : runs) {
                List<String[]> chunks = FreeTextEdifact.segments(FreeTextEdifact.lines(run.text()));
                perRun.add(chunks);
                segments += chunks.size();
            }
            int before = markerWritten ? inGroup : 0;
            if (segmentLimit != null && before + segments > segmentLimit.max()) {
                findings.add(TranslationRule.TOO_MANY.at(text, segmentLimit.max() - before, segmentLimit.xml()));
            }
            int written = 0;
            for (int r = 0; r < runs.size(); r++) {
                for (String[] lines : perRun.get(r)) {
                    segment(item.template().tag(), qualifier, runs.get(r).format(), "", EdifactOut.composite(lines));
                    written++;
                }
            }
            if (written == 0 && !item.optional()) {
                findings.add(TranslationRule.MISSING.at(text, text.path() + ": text")); // a group marker alone would not read back
            }
        }

        /** The EDIFACT value of a slot from the XML, or null when the XML has none (a finding when it is malformed). */
        private String slotValue(Slot slot, XmlElement context) {
            if (slot.isVariable()) {
                return slot.codes().toEdifact(variable(slot, type));
            }
            XmlElement element = taken(element(context, slot.path()));
            if (element == null) {
                return null;
            }
            String value;
            switch (slot.format()) {
                case DATETIME -> {
                    String date = DateTimes.compactDate(element.text("Date"));
                    String time = DateTimes.compactTime(element.text("Time"));
                    if (date == null || time == null) {
                        findings.add(TranslationRule.DATE.at(element, element.path()));
                        return null;
                    }
                    value = date + time;
                }
                case DATE -> {
                    value = DateTimes.compactDate(element.text());
                    if (value == null) {
                        findings.add(TranslationRule.DATE.at(element, element.path()));
                        return null;
                    }
                }
                default -> value = element.text();
            }
            if (value.isEmpty()) {
                return null;
            }
            if (slot.cpr() && !Identifiers.isCpr(value)) {
                findings.add(TranslationRule.CPR.at(element, element.path()));
            }
            if (slot.maxLength() > 0 && value.length() > slot.maxLength()) {
                findings.add(TranslationRule.TOO_LONG.at(element, element.path(), slot.maxLength()));
            }
            if (slot.length() > 0 && value.length() != slot.length()) {
                findings.add(TranslationRule.WRONG_LENGTH.at(element, element.path(), slot.length()));
            }
            if (slot.codes() != null) {
                String code = slot.codes().toEdifact(value);
                if (code == null) {
                    findings.add(TranslationRule.CODE_UNKNOWN.at(element, element.path(), slot.codes().name()));
                }
                return code;
            }
            return value;
        }
    }

    private static XmlElement element(XmlElement context, String path) {
        XmlElement element = context;
        int from = 0;
        while (element != null) {
            int slash = path.indexOf('/', from);
            element = element.child(slash < 0 ? from == 0 ? path : path.substring(from) : path.substring(from, slash));
            if (slash < 0) {
                return element;
            }
            from = slash + 1;
        }
        return null;
    }

    private static boolean hasText(XmlElement element) {
        return element != null && element.hasText();
    }

    /** Every element at {@code path}: the parents' first match, then all children with the last name. */
    private static List<XmlElement> elements(XmlElement context, String path) {
        int slash = path.lastIndexOf('/');
        XmlElement parent = slash < 0 ? context : element(context, path.substring(0, slash));
        return parent == null ? List.of() : parent.children(lastStep(path));
    }
}
