package dk.region.medcom.gateway.translate;

/**
 * A stretch of MedCom free text in one format. {@code format} is the FTX format code (P00 plain,
 * PF0 bold, F00 fixed font, ...); in {@code text}, {@code \n} stands for a {@code <Break/>}.
 */
record TextRun(String format, String text) {

    static final String PLAIN = "P00";
}
