/**
 * The {@code Mailer} port: {@link SmtpMailerAdapter} (Jakarta Mail through Spring's {@code
 * JavaMailSender}) and {@link FileMailerAdapter} ({@code .eml} files under {@code
 * $WORKLANE_DATA_DIR/mail/}, the embedded default). Bootstrap imports {@link
 * MailAdapterConfiguration} and maps its properties to {@link MailAdapterSettings}.
 *
 * <p>Why here: the module list is fixed, and adapters-storage is the outbound-delivery adapter for
 * local disk and remote stores; a mail message is delivered to a remote store (an SMTP server) or
 * to local disk, exactly as an object is. It lives in {@code adapter.out.storage.mail} rather than
 * a sibling {@code adapter.out.mail} because the architecture rules map each module to one package
 * tree ({@code WorklaneModule}): everything of adapters-storage stays under {@code
 * adapter.out.storage}, so every rule written for that tree covers the mailers too.
 */
package dev.worklane.adapter.out.storage.mail;
