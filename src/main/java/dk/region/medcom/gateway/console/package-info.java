/**
 * The operations console: server-rendered pages (Thymeleaf) that regional IT operations, auditors
 * and viewers use in a browser, served by the gateway itself at {@code /}. It reads the journal
 * through the same search as the API ({@code GET /api/messages} and {@code /messages} take the
 * same parameters) and never loads a body for a list. Form login with a session and CSRF tokens;
 * the users and roles are the API's ({@code gateway.users}), plus the read-only {@code viewer}.
 * Labels in Danish and English (i18n/console*.properties), from the browser's language or the
 * {@code lang} parameter.
 */
package dk.region.medcom.gateway.console;
