/**
 * Client of the MVNO's SFTP drop of call and SMS detail records ({@code fs.mvno.net}): {@link
 * dev.portal.clients.sftp.CdrFileClient} lists the files that are complete (their trigger file exists) and downloads
 * one; {@link dev.portal.clients.sftp.CdrParser} reads CALL and SMS files into typed records by a configurable
 * {@link dev.portal.clients.sftp.CdrLayout}, because the real layout is not public (the fact sheet's is a proposal).
 */
package dev.portal.clients.sftp;
