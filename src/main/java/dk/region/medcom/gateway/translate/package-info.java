/**
 * Translation between MedCom EDIFACT and MedCom XML. {@link dk.region.medcom.gateway.translate.EdifactTranslator}
 * is the stage's facade; everything else is package-private.
 *
 * <p>Each direction goes through a small model per letter shape ({@code ClinicalEmail},
 * {@code Receipt}, {@code HospitalReferral}): EDIFACT segments are read into it and XML is
 * streamed out of it, and the other way round. Which shape a letter has, and every code list, is
 * data in {@code src/main/resources/mapping/}: a new version of a known shape is a row in
 * {@code message-types.csv}, a new code a row in its list.
 */
package dk.region.medcom.gateway.translate;
