package dk.region.medcom.gateway.translate;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates MedCom XML letters from a seeded Random: Danish names with æøå, EDIFACT service
 * characters and XML specials in data, long wrapped texts with formatting, and, over a run of
 * messages, every value of every code list. Output is canonical (schema order, no empty
 * elements, trimmed values), so a round trip must give it back unchanged.
 */
final class LetterGenerator {

    static final String NS_2006 = "http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2006/07/01/";
    static final String NS_2005 = "http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/";

    private static final String[] GIVEN = {"Åse", "Søren", "Ærling", "Bjørn", "Else Marie", "Jens-Ole", "Øjvind", "Zoë", "Mette"};
    private static final String[] SURNAMES = {"Ærøskøbing", "Østergård", "Ågesen", "Müller-Hansen", "O'Brien", "Smith+Co", "Jensen?"};
    private static final String[] WORDS = {"patienten", "røntgen", "ønskes", "udført", "på", "grund", "af", "smerter:", "'citat'",
        "a+b", "hvorfor?", "&", "<3", "\"rå\"", "æblegrød", "blodtryk", "Ålborg", "kl.", "12:30", "overlæge", "henvisning",
        "Donaudampfschifffahrtsgesellschaftskapitänskajüte-og-mere-til-ende-af-linjen"};
    /** All but paediatri_sygehus (SPR 80), which the 2006/07/01 schema's enumeration lacks. */
    private static final List<String> SPECIALITIES = values("medical-speciality-codes", "medical_speciality_code").stream()
            .filter(code -> !code.equals("paediatri_sygehus")).toList();
    private static final List<String> IDENTIFIER_CODES = List.of("sygehusafdelingsnummer", "ydernummer", "kommunenummer", "sorkode", "lokationsnummer");
    private static final List<String> STATUS = values("status-codes", "xml");
    private static final List<String> PRIORITIES = values("priority-codes", "xml");
    private static final List<String> EPISODE = values("episode-status-codes", "xml");
    private static final List<String> REFUSE = values("refuse-codes", "xml");
    private static final List<String> OBJECT_CODES = values("object-codes", "xml");
    private static final List<String> EXTENSION_CODES = values("object-extension-codes", "xml");
    /** URL characters, EDIFACT service characters and a Danish letter among them; no space (values are trimmed). */
    private static final String URL_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789/-_.~?:+'&=%#æ";
    private static final String[][] MARKUP = {{}, {"Bold"}, {"Italic"}, {"Underline"}, {"Right"}, {"Center"}, {"FixedFont"},
        {"FixedFont", "Bold"}, {"FixedFont", "Underline"}, {"FixedFont", "Italic"}, {"FixedFont", "Right"}, {"FixedFont", "Center"}};

    private final Random random;
    private int sequence;

    LetterGenerator(long seed) {
        random = new Random(seed);
    }

    private static List<String> values(String table, String column) {
        return CsvTable.read("mapping/" + table + ".csv").stream().map((Map<String, String> row) -> row.get(column)).toList();
    }

    /** A DIS91 letter; the n-th letter uses the n-th value of each code list, so a run covers them all. */
    String clinicalEmail() {
        int n = sequence++;
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        x.append("<Emessage xmlns=\"").append(NS_2006).append("\">");
        envelope(x, n);
        x.append("<ClinicalEmail><Letter>");
        el(x, "Identifier", "B" + n + "x" + random.nextInt(1000));
        el(x, "VersionCode", "XD9134L");
        el(x, "StatisticalCode", "XDIS91");
        x.append("<Authorisation>");
        el(x, "Date", date());
        el(x, "Time", time());
        x.append("</Authorisation>");
        el(x, "TypeCode", "XDIS91");
        el(x, "StatusCode", STATUS.get(n % STATUS.size()));
        if (random.nextBoolean()) {
            el(x, "EpisodeOfCareIdentifier", "EP" + random.nextInt(1_000_000));
        }
        x.append("</Letter>");
        party(x, "Sender", n, true);
        party(x, "Receiver", n + 1, false);
        patient(x, n);
        boolean priority = random.nextBoolean();
        boolean subject = random.nextBoolean();
        if (priority || subject) {
            x.append("<AdditionalInformation>");
            if (priority) {
                el(x, "Priority", PRIORITIES.get(n % PRIORITIES.size()));
            }
            if (subject) {
                el(x, "Subject", words(2 + random.nextInt(5), 70));
            }
            x.append("</AdditionalInformation>");
        }
        int texts = random.nextInt(4);
        for (int i = 0; i < texts; i++) {
            x.append("<ClinicalInformation><Text01>");
            formattedText(x, n + i);
            x.append("</Text01></ClinicalInformation>");
        }
        references(x, n);
        return x.append("</ClinicalEmail></Emessage>").toString();
    }

    /** A REF01 hospital referral; like {@link #clinicalEmail()}, a run covers every REF01 code value. */
    String hospitalReferral() {
        int n = sequence++;
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        x.append("<Emessage xmlns=\"").append(NS_2005).append("\">");
        envelope(x, n);
        x.append("<HospitalReferral><Letter>");
        el(x, "Identifier", "H" + n + "r" + random.nextInt(1000));
        el(x, "VersionCode", "XH0130R");
        el(x, "StatisticalCode", "XREF01");
        x.append("<Authorisation>");
        el(x, "Date", date());
        el(x, "Time", time());
        x.append("</Authorisation>");
        el(x, "TypeCode", "XREF01");
        el(x, "StatusCode", STATUS.get(n % STATUS.size()));
        if (random.nextBoolean()) {
            el(x, "EpisodeOfCareIdentifier", "EP" + random.nextInt(1_000_000));
        }
        x.append("</Letter><Sender>");
        partyFields(x, n, true);
        x.append("<Referrer>");
        if (random.nextBoolean()) {
            el(x, "Identifier", String.valueOf(100000 + random.nextInt(900000)));
            el(x, "IdentifierCode", IDENTIFIER_CODES.get((n + 2) % IDENTIFIER_CODES.size()));
        }
        el(x, "PersonName", pick(GIVEN) + " " + pick(SURNAMES));
        optional(x, "PersonTitle", "Læge");
        x.append("</Referrer></Sender><Receiver>");
        partyFields(x, n + 1, false);
        x.append("</Receiver>");
        if (random.nextBoolean()) {
            x.append("<AnswerCCReceiver>");
            el(x, "Identifier", String.valueOf(100000 + random.nextInt(900000)));
            el(x, "IdentifierCode", IDENTIFIER_CODES.get((n + 3) % IDENTIFIER_CODES.size()));
            optional(x, "OrganisationName", words(2, 35));
            address(x);
            optional(x, "TelephoneSubscriberIdentifier", String.valueOf(10000000 + random.nextInt(89999999)));
            x.append("</AnswerCCReceiver>");
        }
        referralPatient(x, n);
        if (random.nextBoolean()) {
            x.append("<Relative>");
            el(x, "RelationCode", code("relation-codes", n));
            optional(x, "PersonIdentifier", cpr());
            el(x, "PersonSurnameName", pick(SURNAMES));
            optional(x, "PersonGivenName", pick(GIVEN));
            x.append("</Relative>");
        }
        x.append("<AdditionalInformation>");
        el(x, "Priority", code("referral-priority-codes", n));
        optional(x, "ReferralStatus", code("referral-status-codes", n));
        optional(x, "Transport", code("transport-codes", n));
        optionalText(x, "Supplementary", n);
        optionalText(x, "ClinicalReason", n + 1);
        x.append("</AdditionalInformation><Referral><Refer>");
        diagnosis(x, n);
        x.append("</Refer>");
        int additional = random.nextInt(6);
        for (int i = 0; i < additional; i++) {
            x.append("<ReferralAdditional>");
            el(x, "DiagnoseDescriptionCode", code("diagnose-description-codes", n + i));
            diagnosis(x, n + i + 1);
            x.append("</ReferralAdditional>");
        }
        x.append("</Referral><RelevantClinicalInformation>");
        optionalText(x, "Cave", n);
        optionalText(x, "Anamnesis", n + 1);
        el(x, "Examination", "Almentilstand god.");
        optionalText(x, "ActualMedicine", n + 2);
        x.append("</RelevantClinicalInformation>");
        references(x, n);
        int visitations = random.nextInt(4);
        for (int i = 0; i < visitations; i++) {
            x.append("<HospitalVisitation>");
            el(x, "InformationCode", code("visitation-codes", n + i)); // consecutive codes differ: they would merge in FTX
            x.append("<Information>");
            formattedText(x, n + i);
            x.append("</Information></HospitalVisitation>");
        }
        return x.append("</HospitalReferral></Emessage>").toString();
    }

    private void referralPatient(StringBuilder x, int n) {
        x.append("<Patient>");
        el(x, "CivilRegistrationNumber", cpr());
        el(x, "PersonSurnameName", pick(SURNAMES));
        optional(x, "PersonGivenName", pick(GIVEN));
        optional(x, "PersonTitle", "Cand.mag.");
        address(x);
        int telephones = random.nextInt(4);
        for (int i = 0; i < telephones; i++) {
            x.append("<TelephoneSubscriber>");
            el(x, "TelephoneSubscriberIdentifier", String.valueOf(20000000 + random.nextInt(79999999)));
            el(x, "TelephoneSubscriberCode", code("telephone-codes", n + i));
            x.append("</TelephoneSubscriber>");
        }
        optional(x, "EmailIdentifier", "fiktiv" + n + "@eksempel.dk");
        x.append("</Patient>");
    }

    private void diagnosis(StringBuilder x, int n) {
        optional(x, "DiagnoseCode", "DJ" + (10 + random.nextInt(90)));
        el(x, "DiagnoseTypeCode", code("diagnose-type-codes", n));
        el(x, "DiagnoseText", words(1 + random.nextInt(5), 70));
    }

    private void optionalText(StringBuilder x, String name, int n) {
        if (random.nextBoolean()) {
            x.append('<').append(name).append('>');
            formattedText(x, n);
            x.append("</").append(name).append('>');
        }
    }

    private static String code(String table, int n) {
        List<String> codes = values(table, "xml");
        return codes.get(n % codes.size());
    }

    /** A CTL01, CTL02 or CTL03 receipt, in turn. */
    String receipt() {
        int n = sequence++;
        String[][] kinds = {{"NegativeVansReceipt", "XC0130Q", "XCTL01"}, {"NegativeReceipt", "XC0230Q", "XCTL02"},
            {"PositiveReceipt", "XC0330Q", "XCTL03"}};
        String[] kind = kinds[n % 3];
        boolean positive = kind[0].equals("PositiveReceipt");
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        x.append("<Emessage xmlns=\"").append(NS_2005).append("\">");
        envelope(x, -1);
        x.append('<').append(kind[0]).append("><Letter>");
        el(x, "Identifier", "K" + n);
        el(x, "VersionCode", kind[1]);
        el(x, "StatisticalCode", kind[2]);
        x.append("</Letter>");
        ean(x, "Sender", gln());
        ean(x, "Receiver", gln());
        x.append("<OriginalEmessage>");
        el(x, "OriginalEnvelopeIdentifier", "ENV" + random.nextInt(100000));
        ean(x, "OriginalSender", gln());
        ean(x, "OriginalReceiver", gln());
        if (!positive && random.nextBoolean()) {
            refusal(x, n);
        }
        int letters = 1 + random.nextInt(4);
        String[] versions = {"D9134L", "H0130R"};
        for (int i = 0; i < letters; i++) {
            x.append("<OriginalLetter>");
            el(x, "OriginalLetterIdentifier", "L" + i + "n" + random.nextInt(100000));
            el(x, "OriginalVersionCode", versions[random.nextInt(versions.length)]);
            if (!positive && random.nextBoolean()) {
                refusal(x, n + i);
            }
            x.append("</OriginalLetter>");
        }
        return x.append("</OriginalEmessage></").append(kind[0]).append("></Emessage>").toString();
    }

    private void refusal(StringBuilder x, int n) {
        el(x, "RefuseCode", REFUSE.get(n % REFUSE.size()));
        if (random.nextBoolean()) {
            x.append("<RefuseText>");
            plainLines(x, 1 + random.nextInt(3));
            x.append("</RefuseText>");
        }
    }

    private void envelope(StringBuilder x, int n) {
        x.append("<Envelope><Sent>");
        el(x, "Date", date());
        el(x, "Time", time());
        x.append("</Sent>");
        el(x, "Identifier", "KUV" + random.nextInt(1_000_000));
        el(x, "AcknowledgementCode", n >= 0 && n % 2 == 1 ? "pluspositivkvitt" : "minuspositivkvitt");
        x.append("</Envelope>");
    }

    private void party(StringBuilder x, String name, int n, boolean isSender) {
        x.append('<').append(name).append('>');
        partyFields(x, n, isSender);
        x.append("</").append(name).append('>');
    }

    private void partyFields(StringBuilder x, int n, boolean isSender) {
        el(x, "EANIdentifier", gln());
        el(x, "Identifier", String.valueOf(100000 + random.nextInt(900000)));
        el(x, "IdentifierCode", IDENTIFIER_CODES.get(n % IDENTIFIER_CODES.size()));
        if (isSender || random.nextInt(4) > 0) {
            el(x, "OrganisationName", words(1 + random.nextInt(3), 35));
        }
        optional(x, "DepartmentName", words(1 + random.nextInt(2), 35));
        optional(x, "UnitName", pick(GIVEN) + " " + pick(SURNAMES));
        address(x);
        if (isSender) {
            optional(x, "TelephoneSubscriberIdentifier", "+45 " + (10000000 + random.nextInt(89999999)));
            el(x, "MedicalSpecialityCode", SPECIALITIES.get(n % SPECIALITIES.size()));
        }
    }

    private void patient(StringBuilder x, int n) {
        x.append("<Patient>");
        if (random.nextInt(5) == 0) {
            el(x, "AlternativeIdentifier", String.format("%02d%02d%02d%s", 1 + random.nextInt(28), 1 + random.nextInt(12), random.nextInt(100), "ABCD"));
        } else {
            el(x, "CivilRegistrationNumber", cpr());
        }
        el(x, "PersonSurnameName", pick(SURNAMES));
        optional(x, "PersonGivenName", pick(GIVEN));
        address(x);
        optional(x, "OccupancyText", words(1 + random.nextInt(3), 35));
        el(x, "EpisodeOfCareStatusCode", EPISODE.get(n % EPISODE.size()));
        x.append("</Patient>");
    }

    /**
     * Up to ten references, now and then exactly ten (two S14 groups in DIS91); kinds and codes
     * follow n so that a run covers them all; URLs up to the length four FTX lines carry.
     */
    private void references(StringBuilder x, int n) {
        int count = random.nextInt(10) == 0 ? Reference.MAX_PER_LETTER : random.nextInt(4);
        for (int i = 0; i < count; i++) {
            x.append("<Reference>");
            el(x, "RefDescription", words(1 + random.nextInt(8), 70));
            switch ((n + i) % 3) {
                case 0 -> el(x, "URL", url());
                case 1 -> x.append("<SUP>true</SUP>");
                default -> {
                    x.append("<BIN>");
                    el(x, "ObjectIdentifier", "OBJ" + random.nextInt(1_000_000) + "-" + url().substring(0, 1 + random.nextInt(8)));
                    el(x, "ObjectCode", OBJECT_CODES.get((n + i) % OBJECT_CODES.size()));
                    el(x, "ObjectExtensionCode", EXTENSION_CODES.get((n + i) % EXTENSION_CODES.size()));
                    el(x, "OriginalObjectSize", String.valueOf(1 + random.nextInt(Integer.MAX_VALUE - 1)));
                    x.append("</BIN>");
                }
            }
            x.append("</Reference>");
        }
    }

    private String url() {
        StringBuilder url = new StringBuilder("https://example.org/");
        int length = url.length() + random.nextInt(ReferenceEdifact.URL_EDIFACT_LENGTH - url.length() + 1);
        while (url.length() < length) {
            url.append(URL_CHARACTERS.charAt(random.nextInt(URL_CHARACTERS.length())));
        }
        return url.toString();
    }

    private void address(StringBuilder x) {
        optional(x, "StreetName", pick(SURNAMES) + "vej " + (1 + random.nextInt(200)));
        optional(x, "SuburbName", pick(SURNAMES));
        optional(x, "DistrictName", pick(SURNAMES));
        optional(x, "PostCodeIdentifier", String.valueOf(1000 + random.nextInt(9000)));
    }

    /** Runs of differing markup; lines of up to ~150 characters, empty lines; at most 8 FTX segments' worth. */
    private void formattedText(StringBuilder x, int n) {
        int runs = 1 + random.nextInt(3);
        int previous = -1;
        for (int r = 0; r < runs; r++) {
            int markup;
            do {
                markup = r == 0 ? n % MARKUP.length : random.nextInt(MARKUP.length);
            } while (markup == previous);
            previous = markup;
            for (String wrapper : MARKUP[markup]) {
                x.append('<').append(wrapper).append('>');
            }
            plainLines(x, 1 + random.nextInt(2));
            for (int i = MARKUP[markup].length - 1; i >= 0; i--) {
                x.append("</").append(MARKUP[markup][i]).append('>');
            }
        }
    }

    private void plainLines(StringBuilder x, int lines) {
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(6) > 0) {
                escape(x, words(1 + random.nextInt(20), 150));
            }
            x.append("<Break/>");
        }
    }

    private String words(int count, int maxLength) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String word = pick(WORDS);
            if (sb.length() + word.length() + 1 > maxLength) {
                break;
            }
            sb.append(sb.isEmpty() ? "" : " ").append(word);
        }
        return sb.isEmpty() ? "x" : sb.toString();
    }

    private void optional(StringBuilder x, String name, String value) {
        if (random.nextBoolean()) {
            el(x, name, value);
        }
    }

    private static void el(StringBuilder x, String name, String value) {
        x.append('<').append(name).append('>');
        escape(x, value);
        x.append("</").append(name).append('>');
    }

    private static void ean(StringBuilder x, String name, String value) {
        x.append('<').append(name).append("><EANIdentifier>").append(value).append("</EANIdentifier></").append(name).append('>');
    }

    private static void escape(StringBuilder x, String text) {
        x.append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String date() {
        return String.format("%04d-%02d-%02d", 1970 + random.nextInt(99), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private String time() {
        return String.format("%02d:%02d", random.nextInt(24), random.nextInt(60));
    }

    /** Date-valid, fictitious: the serial part is random and mod 11 is not looked at. */
    private String cpr() {
        return String.format("%02d%02d%02d%04d", 1 + random.nextInt(28), 1 + random.nextInt(12), random.nextInt(100), random.nextInt(10000));
    }

    private String gln() {
        StringBuilder digits = new StringBuilder("579000");
        while (digits.length() < 12) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
