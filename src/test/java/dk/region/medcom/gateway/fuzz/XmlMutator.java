package dk.region.medcom.gateway.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XML-aware mutations of a MedCom XML message: DTDs and entities, deep nesting, huge and many
 * attributes, namespaces, encodings and byte order marks, processing instructions, CDATA,
 * comments, elements dropped, repeated or renamed, and text values. Works on the bytes read as
 * ISO-8859-1 (one char per byte), so a mutation changes only what it means to.
 */
final class XmlMutator extends Mutator {

    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w.:-]*)([^<>]*?)(/?)>");
    private static final Pattern TEXT = Pattern.compile(">([^<>]+)</");
    private static final List<String> DOCTYPES = List.of(
            "<!DOCTYPE Emessage [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
            "<!DOCTYPE Emessage [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE Emessage SYSTEM \"http://127.0.0.1:1/x.dtd\">",
            "<!DOCTYPE Emessage [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p\"> %p;]>",
            "<!DOCTYPE Emessage PUBLIC \"-//X//Y\" \"z.dtd\">",
            "<!DOCTYPE Emessage [<!ELEMENT Emessage ANY><!ATTLIST Emessage a CDATA \"default\">]>",
            "<!doctype Emessage>", "<!DOCTYPE");
    private static final List<String> REFERENCES = List.of("&a;", "&x;", "&amp;", "&lt;", "&#0;", "&#x0;", "&#xD800;",
            "&#xFFFE;", "&#x10FFFF;", "&#x110000;", "&#99999999999;", "&#x;", "&#;", "&", "&amp", "&#65;", "&nbsp;");
    private static final List<String> PIS = List.of("<?xml-stylesheet href=\"http://127.0.0.1:1/x.xsl\"?>",
            "<?xml version=\"1.0\"?>", "<?php echo 1; ?>", "<?x ", "<??>", "<?xml-model href=\"x.rng\"?>");
    private static final List<String> ENCODINGS = List.of("UTF-8", "utf-8", "ISO-8859-1", "windows-1252", "UTF-16",
            "UTF-16LE", "UTF-16BE", "UTF-32", "US-ASCII", "EBCDIC-CP-US", "IBM037", "Shift_JIS", "x-nonsense", "",
            "UTF-7", "ISO-2022-JP", "\u00e6\u00f8\u00e5");
    private static final List<String> NAMESPACES = List.of(" xmlns=\"\"", " xmlns=\"urn:other\"", " xmlns:p=\"\"",
            " xmlns:xml=\"urn:x\"", " xmlns:xmlns=\"urn:x\"", " p:a=\"1\"", " xmlns:p=\"urn:p\" p:x=\"1\" p:x=\"2\"",
            " xmlns=\"http://rep.oio.dk/medcom.dk/xml/schemas/2006/07/01/\"",
            " xmlns=\"http://www.w3.org/2001/XMLSchema\"", " xsi:schemaLocation=\"http://127.0.0.1:1/x.xsd\"",
            " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xs:string\"");

    XmlMutator(Random random) {
        super(random);
    }

    @Override
    byte[] mutateStructure(byte[] input, byte[] donor) {
        String xml = EdifactMutator.latin1(input);
        List<int[]> tags = startTags(xml);
        if (tags.isEmpty()) {
            return mutateBytes(input, donor);
        }
        int[] tag = tags.get(random.nextInt(tags.size())); // start, end, name end
        String name = xml.substring(tag[0] + 1, tag[2]);
        String out = switch (random.nextInt(18)) {
            case 0 -> afterProlog(xml, DOCTYPES.get(random.nextInt(DOCTYPES.size())));
            case 1 -> insertIntoText(xml, REFERENCES.get(random.nextInt(REFERENCES.size())));
            case 2 -> { // deep nesting around one element
                int depth = count();
                yield xml.substring(0, tag[0]) + "<d>".repeat(depth) + "</d>".repeat(depth) + xml.substring(tag[0]);
            }
            case 3 -> { // a huge attribute
                String value = "A".repeat(longLength());
                yield insert(xml, tag[1] - (xml.charAt(tag[1] - 2) == '/' ? 2 : 1), " huge=\"" + value + "\"");
            }
            case 4 -> { // very many attributes
                StringBuilder attrs = new StringBuilder();
                int n = count();
                for (int k = 0; k < n; k++) {
                    attrs.append(" a").append(k).append("=\"").append(k).append('"');
                }
                yield insert(xml, tag[2], attrs.toString());
            }
            case 5 -> insert(xml, tag[2], NAMESPACES.get(random.nextInt(NAMESPACES.size())));
            case 6 -> { // a prefix on the element, declared or not
                String prefix = random.nextBoolean() ? "p:" : "xsi:";
                String renamed = xml.substring(0, tag[0] + 1) + prefix + xml.substring(tag[0] + 1);
                yield renamed.replaceFirst("</" + Pattern.quote(name) + ">", Matcher.quoteReplacement("</" + prefix + name + ">"));
            }
            case 7 -> { // a different encoding declared, with or without the bytes to match
                String encoding = ENCODINGS.get(random.nextInt(ENCODINGS.size()));
                String declared = withEncoding(xml, encoding);
                if (random.nextBoolean() && supported(encoding)) {
                    String text = new String(declared.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                    yield EdifactMutator.latin1(text.getBytes(Charset.forName(encoding)));
                }
                yield declared;
            }
            case 8 -> switch (random.nextInt(4)) { // byte order marks, right or wrong
                case 0 -> "\u00ef\u00bb\u00bf" + xml;
                case 1 -> "\u00fe\u00ff" + xml;
                case 2 -> "\u00ff\u00fe" + xml;
                default -> "\u00ef\u00bb\u00bf\u00ef\u00bb\u00bf" + xml;
            };
            case 9 -> insert(xml, random.nextBoolean() ? 0 : tag[0], PIS.get(random.nextInt(PIS.size())));
            case 10 -> switch (random.nextInt(3)) { // CDATA: around text, unterminated, or a stray end marker
                case 0 -> TEXT.matcher(xml).replaceFirst("><![CDATA[$1]]></");
                case 1 -> insertIntoText(xml, "<![CDATA[");
                default -> insertIntoText(xml, "]]>");
            };
            case 11 -> insert(xml, tag[0], switch (random.nextInt(3)) {
                case 0 -> "<!-- -- -->";
                case 1 -> "<!--" + "x".repeat(count()) + "-->";
                default -> "<!--";
            });
            case 12 -> { // an element dropped
                int close = xml.indexOf("</" + name + ">", tag[1]);
                yield close < 0 ? xml.substring(0, tag[0]) + xml.substring(tag[1])
                        : xml.substring(0, tag[0]) + xml.substring(close + name.length() + 3);
            }
            case 13 -> { // an element repeated
                int close = xml.indexOf("</" + name + ">", tag[1]);
                String element = close < 0 ? xml.substring(tag[0], tag[1]) : xml.substring(tag[0], close + name.length() + 3);
                yield insert(xml, tag[0], element.repeat(Math.min(count(), Math.max(1, 4_000_000 / element.length()))));
            }
            case 14 -> { // a text value replaced
                List<int[]> texts = texts(xml);
                if (texts.isEmpty()) {
                    yield xml;
                }
                int[] text = texts.get(random.nextInt(texts.size()));
                String value = EdifactMutator.latin1(nastyValue().getBytes(StandardCharsets.UTF_8));
                yield xml.substring(0, text[0]) + value + xml.substring(text[1]);
            }
            case 15 -> { // mismatched or renamed end tag
                int close = xml.indexOf("</" + name + ">", tag[1]);
                yield close < 0 ? xml : xml.substring(0, close + 2) + (random.nextBoolean() ? name + "x" : "")
                        + xml.substring(close + 2 + name.length());
            }
            case 16 -> xml.substring(0, random.nextInt(xml.length() + 1)); // truncated
            default -> { // an element of another message
                String other = EdifactMutator.latin1(donor);
                List<int[]> otherTags = startTags(other);
                if (otherTags.isEmpty()) {
                    yield xml;
                }
                int[] o = otherTags.get(random.nextInt(otherTags.size()));
                String otherName = other.substring(o[0] + 1, o[2]);
                int close = other.indexOf("</" + otherName + ">", o[1]);
                String element = close < 0 ? other.substring(o[0], o[1]) : other.substring(o[0], close + otherName.length() + 3);
                yield insert(xml, tag[0], element);
            }
        };
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean supported(String encoding) {
        try {
            return Charset.isSupported(encoding) && Charset.forName(encoding).canEncode();
        } catch (IllegalArgumentException e) {
            return false; // not even a legal charset name
        }
    }

    private static List<int[]> startTags(String xml) {
        List<int[]> tags = new ArrayList<>();
        Matcher m = START_TAG.matcher(xml);
        while (m.find()) {
            tags.add(new int[] {m.start(), m.end(), m.end(1)});
        }
        return tags;
    }

    private static List<int[]> texts(String xml) {
        List<int[]> texts = new ArrayList<>();
        Matcher m = TEXT.matcher(xml);
        while (m.find()) {
            if (!m.group(1).isBlank()) {
                texts.add(new int[] {m.start(1), m.end(1)});
            }
        }
        return texts;
    }

    private String insertIntoText(String xml, String what) {
        List<int[]> texts = texts(xml);
        int at = texts.isEmpty() ? random.nextInt(xml.length() + 1) : texts.get(random.nextInt(texts.size()))[0];
        return insert(xml, at, what);
    }

    private static String afterProlog(String xml, String what) {
        int end = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return insert(xml, Math.max(0, end), what);
    }

    private static String withEncoding(String xml, String encoding) {
        if (xml.startsWith("<?xml")) {
            String replaced = xml.replaceFirst("encoding=\"[^\"]*\"", Matcher.quoteReplacement("encoding=\"" + encoding + "\""));
            return replaced.equals(xml) ? xml.replaceFirst("<\\?xml version=\"1.0\"",
                    Matcher.quoteReplacement("<?xml version=\"1.0\" encoding=\"" + encoding + "\"")) : replaced;
        }
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>" + xml;
    }

    private static String insert(String s, int at, String what) {
        return s.substring(0, at) + what + s.substring(at);
    }
}
