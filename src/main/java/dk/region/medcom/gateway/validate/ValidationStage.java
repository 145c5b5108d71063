package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.message.PipelineMessage;

/** The validate stage as the pipeline sees it: the message's XML form checked by the {@link MessageValidator}. */
public class ValidationStage {

    private final MessageValidator validator;

    public ValidationStage(MessageValidator validator) {
        this.validator = validator;
    }

    public PipelineMessage validate(PipelineMessage message) {
        return message.withFindings(message.document() != null
                ? validator.validate(message.document(), message.patient(), message.letter()).findings()
                : validator.validate(message.xml()).findings());
    }
}
