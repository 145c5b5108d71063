/**
 * The validate stage: is this MedCom XML message one the gateway may pass on?
 *
 * <p>Public face: {@link dk.region.medcom.gateway.validate.MessageValidator} (thread-safe, plain
 * Java) returns a {@link dk.region.medcom.gateway.validate.ValidationReport}: the
 * {@link dk.region.medcom.gateway.parse.xml.MessageKind} and the findings, each with rule id,
 * severity, line, column, XPath and texts in English and Danish. Only ERROR findings make a message
 * invalid; {@code ValidationReport.refuseCode()} gives the MedCom refuse code for a negative receipt.
 *
 * <p>Three steps: {@code SafeXmlParser} reads the bytes (DTDs, entities, oversize and lying encodings
 * refused); {@link dk.region.medcom.gateway.validate.SchemaCatalog} picks the XSD by namespace, letter
 * and VersionCode from {@code schemas/} and any schema packs; the business rules in {@code rules/}
 * (see {@link dk.region.medcom.gateway.validate.rules.StandardRules}) check what an XSD cannot.
 * Every finding the stage can make is listed in {@link dk.region.medcom.gateway.validate.rules.ValidationCode}.
 *
 * <p>Configuration: {@link dk.region.medcom.gateway.validate.ValidateProperties} ({@code gateway.validate.*}).
 */
package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.parse.xml.MessageKind;
import dk.region.medcom.gateway.validate.rules.ValidationCode;