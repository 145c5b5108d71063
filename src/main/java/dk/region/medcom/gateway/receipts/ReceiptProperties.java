package dk.region.medcom.gateway.receipts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gatewayLocationNumber the location number a receipt is sent from when the original
 *                              receiver is unknown (the default is test data)
 */
@ConfigurationProperties("gateway.receipts")
public record ReceiptProperties(@DefaultValue("5799990000002") String gatewayLocationNumber) {
}
