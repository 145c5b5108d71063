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
 * tree written in XML order; XML → EDIFACT walks the same items. DIS01 and the receipts CTL01-03
 * run on it.
 *
 * <p><b>A new letter type</b> is data: a row in {@code message-types.csv}, a YAML beside it, and the
 * gateway's own XSD for its XML form under {@code schemas/} (hooked into that namespace's
 * {@code EMessage.xsd}), plus samples. A new code is a row in its CSV list.
 *
 * <p>DIS91 ({@code ClinicalEmail*}) and REF01 ({@code Referral*}) still have hand-written mappings
 * through a small model per letter shape, named {@code clinical-email} and {@code hospital-referral}
 * in {@code message-types.csv}. EDIFACT is read by StAEDI (parse.edifact); it is written by the
 * hand-written {@code EdifactOut}, whose javadoc gives the measured reason.
 */
package dk.region.medcom.gateway.translate;
