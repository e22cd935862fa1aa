/**
 * Clients for the real mail system: IMAP sessions logged in to a user's mailbox through a master
 * user, ManageSieve, clamd's INSTREAM, and the classification of their failures into "try again"
 * and "will not work". Intake and the connectors share them; nothing here decides what to do.
 */
package org.openair.mail;
