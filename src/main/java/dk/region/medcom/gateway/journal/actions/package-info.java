/**
 * What an operator does to a message through the API or the command line: release from
 * quarantine, resend, mark handled ({@link dk.region.medcom.gateway.journal.actions.MessageActions}),
 * with the new envelope identifier MedCom requires of a manual resend
 * ({@link dk.region.medcom.gateway.journal.actions.EnvelopeRewriter}, also used by the replay command).
 * Each action is journaled with the operator's name.
 */
package dk.region.medcom.gateway.journal.actions;
