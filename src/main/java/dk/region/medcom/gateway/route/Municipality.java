package dk.region.medcom.gateway.route;

/** One of the 98 municipalities: kommunekode, name and region. */
public record Municipality(String code, String name, String regionCode, String regionName) {
}
