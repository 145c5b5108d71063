package dk.region.medcom.gateway.receipts;

/** The receipts the gateway sends itself: CTL03 positive and CTL02 negative (kvitteringer). */
enum ReceiptKind {
    POSITIVE("PositiveReceipt", "XC0330Q", "XCTL03", "KP"),
    NEGATIVE("NegativeReceipt", "XC0230Q", "XCTL02", "KN");

    final String element;
    final String versionCode;
    final String statisticalCode;
    /** Receipt identifiers start with this, so a positive and a negative one never share an id. */
    final String idPrefix;

    ReceiptKind(String element, String versionCode, String statisticalCode, String idPrefix) {
        this.element = element;
        this.versionCode = versionCode;
        this.statisticalCode = statisticalCode;
        this.idPrefix = idPrefix;
    }
}
