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
import java.util.regex.Pattern;

/**
 * The mapping engine: one letter type both ways, driven only by its {@link LetterSpec} (a YAML
 * file under {@code mapping/}). EDIFACT → XML matches the message's segment groups and segments
 * against the body's items in order, reads every slot into an {@link XmlNode} tree and writes it
 * in the data's XML order; XML → EDIFACT walks the same items, filling each template from the XML
 * element its group is bound to. Whatever a template does not read is left unread in the segment,
 * so {@link UnreadData} reports it: nothing is dropped silently.
 */
final class MappedLetter implements LetterMapping {

    /** MedCom's group markers, the CEN "trigger segments": S01 ... S99. */
    private static final Pattern MARKER = Pattern.compile("S\\d\\d");

    private final LetterSpec spec;
    private final CodeList textFormats;
    private final FreeTextXml freeText;

    MappedLetter(LetterSpec spec, MappingData mapping) {
        this.spec = spec;
        this.textFormats = mapping.textFormats;
        this.freeText = new FreeTextXml(mapping.textFormats);
    }

    // ---------------------------------------------------------------- EDIFACT → XML

    @Override
    public void toXml(MessageType type, List<Segment> message, Envelope envelope, XmlOut out, List<Finding> findings) {
        XmlNode letter = new XmlNode(spec.letterElement);
        Segment unh = message.get(0);
        spec.envelope.forEach((path, field) -> letter.path(path).text = switch (field) {
            case "sender" -> envelope.senderId();
            case "recipient" -> envelope.recipientId();
            case "message-reference" -> unh.value(1);
            default -> throw new IllegalStateException("mapping " + spec.name + ": unknown envelope field " + field);
        });
        spec.constants.forEach((path, value) -> letter.path(path).text = value);
        List<Unit> units = units(message.subList(1, message.size() - 1));
        match(spec.body, units, letter, unh, findings);
        letter.write(out, spec.order, freeText);
    }

    /** A top-level segment, or a group: its marker and the segments up to the next marker. */
    private record Unit(Segment first, List<Segment> segments) {
        boolean isGroup() {
            return MARKER.matcher(first.tag()).matches();
        }
    }

    private static List<Unit> units(List<Segment> body) {
        List<Unit> units = new ArrayList<>();
        List<Segment> group = null;
        for (Segment segment : body) {
            if (MARKER.matcher(segment.tag()).matches()) {
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

    /** Matches units to items in order; an item may be skipped when optional and stays current while it repeats. */
    private void match(List<Item> items, List<Unit> units, XmlNode context, Segment opening, List<Finding> findings) {
        int[] counts = new int[items.size()];
        int current = 0;
        Segment last = opening;
        for (Unit unit : units) {
            last = unit.segments().get(unit.segments().size() - 1);
            int found = -1;
            for (int k = current; k < items.size() && found < 0; k++) {
                if (matches(items.get(k), unit)) {
                    found = k;
                }
            }
            if (found < 0) {
                findings.add(TranslationRule.UNEXPECTED_SEGMENT.at(unit.first(), new Phrase(
                        "the " + spec.letterElement + " mapping", "afbildningen af " + spec.letterElement)));
                if (unit.isGroup()) {
                    unit.segments().stream().skip(1).forEach(s -> findings.add(TranslationRule.UNEXPECTED_SEGMENT.at(s,
                            new Phrase("group " + unit.first().tag(), "gruppe " + unit.first().tag()))));
                }
                continue;
            }
            missing(items, counts, current, found, unit.first(), "before", findings);
            counts[found]++;
            apply(items.get(found), unit, context, findings);
            current = items.get(found).repeat() ? found : found + 1;
        }
        missing(items, counts, current, items.size(), last, "after", findings);
    }

    /** Reports mandatory items that were never matched, located at the segment they belong before (or after). */
    private static void missing(List<Item> items, int[] counts, int from, int to, Segment where, String side, List<Finding> findings) {
        for (int k = from; k < to; k++) {
            if (!items.get(k).optional() && counts[k] == 0) {
                findings.add(TranslationRule.MISSING.at(where, describe(items.get(k)) + " " + side + " segment " + where.number() + " " + where.tag()));
            }
        }
    }

    private static String describe(Item item) {
        if (item instanceof GroupItem group) {
            return "group " + group.marker() + " (" + describe(group.items().get(0)) + ")";
        }
        Template template = ((SegmentItem) item).template();
        return template.tag() + (template.qualifier() == null ? "" : "+" + template.qualifier());
    }

    private static boolean matches(Item item, Unit unit) {
        if (item instanceof GroupItem group) {
            return unit.isGroup() && unit.first().tag().equals(group.marker())
                    && unit.segments().size() > 1 && matches(group.first(), unit.segments().get(1));
        }
        return !unit.isGroup() && matches(((SegmentItem) item).template(), unit.first());
    }

    /** Tag and qualifier, looked at without marking them read. */
    private static boolean matches(Template template, Segment segment) {
        if (!segment.tag().equals(template.tag())) {
            return false;
        }
        String qualifier = template.qualifier();
        List<List<String>> elements = segment.elements();
        return qualifier == null || !elements.isEmpty() && !elements.get(0).isEmpty() && elements.get(0).get(0).equals(qualifier);
    }

    private void apply(Item item, Unit unit, XmlNode context, List<Finding> findings) {
        if (item instanceof GroupItem group) {
            Segment marker = unit.first();
            marker.hasConstant(1, 1, group.marker().substring(1));
            XmlNode groupContext = context;
            if (group.xml() != null) {
                groupContext = group.repeat() ? parentOf(context, group.xml()).add(lastStep(group.xml())) : context.path(group.xml());
            }
            List<Unit> segments = unit.segments().stream().skip(1).map(s -> new Unit(s, List.of(s))).toList();
            match(group.items(), segments, groupContext, marker, findings);
        } else {
            read((SegmentItem) item, unit.first(), context, findings);
        }
    }

    private static XmlNode parentOf(XmlNode context, String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? context : context.path(path.substring(0, slash));
    }

    private static String lastStep(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void read(SegmentItem item, Segment segment, XmlNode context, List<Finding> findings) {
        Template template = item.template();
        if (item.freeText() != null) {
            segment.value(1);
            SegmentValues.checkLineLengths(segment, findings);
            String format = segment.value(2).isEmpty() ? TextRun.PLAIN : segment.value(2);
            if (textFormats.toXml(format) == null) {
                findings.add(TranslationRule.TEXT_FORMAT.at(segment));
            }
            XmlNode text = context.path(item.freeText());
            if (text.runs == null) {
                text.runs = new ArrayList<>();
            }
            FreeTextEdifact.appendLines(format, segment.components(4), text.runs);
            return;
        }
        for (int e = 0; e < template.elements().size(); e++) {
            List<Object> components = template.elements().get(e);
            for (int c = 0; c < components.size(); c++) {
                Object component = components.get(c);
                if (component instanceof Slot slot) {
                    readSlot(slot, segment, e + 1, c + 1, context, findings);
                } else if (!((String) component).isEmpty()) {
                    segment.hasConstant(e + 1, c + 1, (String) component);
                }
            }
        }
    }

    private void readSlot(Slot slot, Segment segment, int element, int component, XmlNode context, List<Finding> findings) {
        StringBuilder joined = new StringBuilder(segment.value(element, component));
        for (int more = 1; more < slot.span(); more++) {
            joined.append(':').append(segment.value(element, component + more));
        }
        String value = slot.span() > 1 && joined.toString().replace(":", "").isEmpty() ? "" : joined.toString();
        if (value.isEmpty()) {
            return;
        }
        String where = "segment " + segment.number() + " " + segment.tag() + " element " + element;
        if (slot.maxLength() > 0) {
            SegmentValues.limited(segment, element, value, slot.maxLength(), findings);
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
        switch (slot.format()) {
            case DATETIME -> {
                String date = value.length() == 12 ? DateTimes.dateFromCcyymmdd(value) : null;
                String time = value.length() == 12 ? DateTimes.time(value, 8) : null;
                if (date == null || time == null) {
                    findings.add(TranslationRule.DATE.at(segment, where));
                    return;
                }
                set(context.path(slot.path()), "Date", date, segment, where, findings);
                set(context.path(slot.path()), "Time", time, segment, where, findings);
            }
            case DATE -> {
                String date = value.length() == 8 ? DateTimes.dateFromCcyymmdd(value) : null;
                if (date == null) {
                    findings.add(TranslationRule.DATE.at(segment, where));
                    return;
                }
                set(parentOf(context, slot.path()), lastStep(slot.path()), date, segment, where, findings);
            }
            case TEXT -> set(parentOf(context, slot.path()), lastStep(slot.path()), value, segment, where, findings);
        }
    }

    /** Sets a leaf; a value the letter already has (UNH's reference again in RFF+SRI) must agree. */
    private static void set(XmlNode parent, String name, String value, Segment segment, String where, List<Finding> findings) {
        XmlNode leaf = parent.child(name);
        if (leaf.text != null && !leaf.text.equals(value)) {
            findings.add(TranslationRule.CONFLICT.at(segment, where, parent.name + "/" + name));
            return;
        }
        leaf.text = value;
    }

    // ---------------------------------------------------------------- XML → EDIFACT

    @Override
    public void toEdifact(MessageType type, XmlElement letter, EdifactOut out, List<Finding> findings) {
        write(spec.body, letter, out, findings);
    }

    private void write(List<Item> items, XmlElement context, EdifactOut out, List<Finding> findings) {
        for (Item item : items) {
            if (item instanceof GroupItem group) {
                List<XmlElement> instances = group.xml() == null ? List.of(context) : elements(context, group.xml());
                if (instances.isEmpty() && !group.optional()) {
                    findings.add(TranslationRule.MISSING.at(context, context.path() + "/" + group.xml()));
                }
                for (XmlElement instance : group.repeat() ? instances : instances.stream().limit(1).toList()) {
                    out.segment(group.marker(), group.marker().substring(1));
                    write(group.items(), instance, out, findings);
                }
            } else {
                write((SegmentItem) item, context, out, findings);
            }
        }
    }

    private void write(SegmentItem item, XmlElement context, EdifactOut out, List<Finding> findings) {
        Template template = item.template();
        if (item.freeText() != null) {
            writeFreeText(item, context, out, findings);
            return;
        }
        Object[] elements = new Object[template.elements().size()];
        boolean filled = false;
        for (int e = 0; e < elements.length; e++) {
            List<Object> components = template.elements().get(e);
            List<String> values = new ArrayList<>();
            boolean elementHasSlots = false;
            boolean elementFilled = false;
            for (Object component : components) {
                if (component instanceof Slot slot) {
                    String value = slotValue(slot, context, findings);
                    elementHasSlots = true;
                    elementFilled |= value != null && !value.isEmpty();
                    if (slot.span() > 1) {
                        String[] parts = value == null ? new String[0] : value.split(":", -1);
                        for (int i = 0; i < slot.span(); i++) {
                            values.add(i < parts.length ? parts[i] : "");
                        }
                    } else {
                        values.add(value);
                    }
                } else {
                    values.add((String) component);
                }
            }
            filled |= elementFilled;
            // the constants beside an absent value qualify it (CPR:IM, FO:): without the value the element is empty
            elements[e] = elementHasSlots && !elementFilled ? "" : EdifactOut.composite(values.toArray(String[]::new));
        }
        if (template.hasSlots() && !filled) {
            if (!item.optional()) {
                findings.add(TranslationRule.MISSING.at(context, context.path() + ": " + describe(item)));
            }
            return;
        }
        out.segment(template.tag(), elements);
    }

    private void writeFreeText(SegmentItem item, XmlElement context, EdifactOut out, List<Finding> findings) {
        XmlElement text = element(context, item.freeText());
        if (text == null) {
            if (!item.optional()) {
                findings.add(TranslationRule.MISSING.at(context, context.path() + "/" + item.freeText()));
            }
            return;
        }
        List<TextRun> runs = freeText.read(text);
        if (runs == null) {
            findings.add(TranslationRule.TEXT_FORMAT.at(text));
            return;
        }
        for (TextRun run : runs) {
            for (String[] lines : FreeTextEdifact.segments(FreeTextEdifact.lines(run.text()))) {
                out.segment(item.template().tag(), item.template().qualifier(), run.format(), "", EdifactOut.composite(lines));
            }
        }
    }

    /** The EDIFACT value of a slot from the XML, or null when the XML has none (a finding when it is malformed). */
    private static String slotValue(Slot slot, XmlElement context, List<Finding> findings) {
        XmlElement element = element(context, slot.path());
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
        if (slot.codes() != null) {
            String code = slot.codes().toEdifact(value);
            if (code == null) {
                findings.add(TranslationRule.CODE_UNKNOWN.at(element, element.path(), slot.codes().name()));
            }
            return code;
        }
        return value;
    }

    private static XmlElement element(XmlElement context, String path) {
        XmlElement element = context;
        for (String step : path.split("/")) {
            element = element.child(step);
            if (element == null) {
                return null;
            }
        }
        return element;
    }

    /** Every element at {@code path}: the parents' first match, then all children with the last name. */
    private static List<XmlElement> elements(XmlElement context, String path) {
        int slash = path.lastIndexOf('/');
        XmlElement parent = slash < 0 ? context : element(context, path.substring(0, slash));
        return parent == null ? List.of() : parent.children(lastStep(path));
    }
}
