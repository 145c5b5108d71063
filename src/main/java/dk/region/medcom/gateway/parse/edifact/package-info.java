/**
 * Reading EDIFACT interchanges: {@link dk.region.medcom.gateway.parse.edifact.EdifactReader} turns
 * bytes into {@link dk.region.medcom.gateway.parse.edifact.Segment}s plus findings, and
 * {@link dk.region.medcom.gateway.parse.edifact.EdifactSniffer} tells EDIFACT from XML.
 *
 * <p>Three passes, each cheap: a byte scan (segment offsets, the declared repertoire, release
 * characters, over-long data), StAEDI tokenising without its control-structure validation, and
 * the envelope rules checked here over the segment list.
 */
package dk.region.medcom.gateway.parse.edifact;
