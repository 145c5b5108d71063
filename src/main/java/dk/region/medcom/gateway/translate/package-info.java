/**
 * Translation between MedCom EDIFACT and MedCom XML. {@link dk.region.medcom.gateway.translate.EdifactTranslator}
 * is the stage's facade; everything else is package-private.
 *
 * <p><b>The mapping engine.</b> A letter type whose {@code mapping} (column of
 * {@code mapping/message-types.csv}) has a file {@code mapping/<mapping>.yaml} is translated by
 * {@code MappedLetter} from that data alone ({@code LetterSpec} reads it): the XML values the
 * envelope carries (UNB sender and recipient, UNH reference), XML constants, the XML order of
 * children, and the body in EDIFACT order as segment templates inside segment groups
 * ({@code S01+01} markers, or groups opened by their first segment as CONTRL's UCM). A template is
 * the segment as MedCom writes it, with {@code {path|options}} slots bound to XML paths relative to
 * the group's element: {@code NAD+PO+{Identifier}:{IdentifierCode|identifier-codes|span=2}++...}.
 * Literals are constants both ways (another value is reported as unread data, never replaced);
 * code lists are the CSV tables here; options add date/time formats, CPR and length checks and
 * defaults; FTX items carry formatted or plain text. EDIFACT → XML matches groups and segments in
 * order (optional, repeating, missing and unexpected ones are findings naming the segment) into a
 * tree written in XML order; XML → EDIFACT walks the same items. Every letter type runs on it:
 * DIS91, DIS01, REF01 and the receipts CTL01-03.
 *
 * <p>What DIS91 needed, all of it data in {@code clinical-email.yaml}: a {@code /} path is the
 * letter's own value inside a group (the subject FTX+OE in the first S14 group, written once; a
 * group with no XML instance is still written for such values); {@code placeholder=_} is MedCom's
 * stand-in for an empty value both ways; {@code format-code} ties a date to the format code after
 * it ("(format 203)" in findings); {@code again} marks a value the letter already has (RFF+SRI,
 * DTM+182): another one is left unread, as a constant would be; {@code otherwise} is the segment
 * written instead when the first has no value ({@code RFF+REI} or {@code RFF+AHI:1});
 * {@code always} writes a segment with its defaults; a {@code reference} item is FTX+BIN/URL/SUP
 * per {@code Reference} element through {@code ReferenceEdifact}/{@code ReferenceXml}; a
 * {@code read-only} item is accepted where it stands when read and written where another item puts
 * it (references after the text in its S14 group, as MedCom's converter reads them);
 * {@code max}/{@code too-many} limit a group's or an item's occurrences (EDI-MAP-TOO-MANY, with
 * the words per side), {@code max-segments} the segments of one group instance, {@code split}
 * opens a new group (marker) every N segments; {@code requires} on a group asks for one value of
 * each list of paths; {@code defaults} are XML values EDIFACT → XML writes when the EDIFACT has
 * none. A marked group may open with any of its leading optional segments, and its marker is
 * written only before its first segment.
 *
 * <p>What REF01 needed ({@code hospital-referral.yaml}): {@code any-order} reads a group's segments
 * in any order (S12's texts, as MedCom's H0130R.xslt reads them; written in the items' order);
 * {@code only-with-values} writes a group only when the XML has a value for it, not for its
 * constants alone (S18's GIS+N, S19's STS++NR); a group without a marker inside a marked one gives
 * one XML element per segment (ReferralAdditional per CIN, TelephoneSubscriber per CON), and when
 * its first segment repeats, segments with the same qualifier continue the element (one
 * HospitalVisitation over several FTX+HV); an FTX's qualifier may be a coded slot
 * ({@code FTX+{InformationCode|visitation-codes}}); {@code required-with=P} requires a value when
 * the XML has one at P (NAD+BV's identifier code with its identifier); an empty
 * {@code placeholder=} keeps the constants of its element when the value is absent
 * ({@code ADR++US+district}, {@code NAD+SSP+...++:::::US}), as REF01 is written; a {@code by-tag}
 * segment is matched by its tag alone, its qualifier then a constant (S18's GIS+M is unread data).
 *
 * <p><b>A new letter type</b> is data: a row in {@code message-types.csv}, a YAML beside it, and the
 * gateway's own XSD for its XML form under {@code schemas/} (hooked into that namespace's
 * {@code EMessage.xsd}), plus samples. A new code is a row in its CSV list.
 *
 * <p>EDIFACT is read by StAEDI (parse.edifact); it is written by the
 * hand-written {@code EdifactOut}, whose javadoc gives the measured reason.
 */
package dk.region.medcom.gateway.translate;
