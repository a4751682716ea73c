<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandLine</name>
    <message>
        <source>Start a simulated tenant on this computer and use it instead of Microsoft 365. Nothing leaves the computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;file&gt; and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo: save pictures of the main screens to &lt;dir&gt; and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herald: install your organisation&apos;s Microsoft Teams bot and send announcements through it.
For scripting, use herald-cli.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphError</name>
    <message>
        <source>The client secret is wrong. Check HERALD_CLIENT_SECRET or the secret stored with `herald-cli secret set` (use the secret&apos;s Value, not its Secret ID), or create a new secret in Entra (App registrations &gt; Certificates &amp; secrets) and store it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client secret has expired. Create a new secret in Entra (App registrations &gt; Certificates &amp; secrets) and store it with `herald-cli secret set`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token request carried no client secret or certificate assertion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application with this client id exists in the tenant. Check --client-id and --tenant, and that an administrator consented to the app in this tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant was not found. Check --tenant (tenant id or verified domain) and --cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requested scope is invalid; app-only tokens need a scope ending in /.default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator has not granted consent to the app&apos;s permissions. Ask a Global or Privileged Role Administrator to grant admin consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client assertion was refused. Check that the certificate is uploaded to the app registration and that the machine&apos;s clock is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application is disabled in the tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delegated sign-in has expired or was revoked. Sign in again with `herald-cli login`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URI is not registered for the app. Add http://localhost under Authentication &gt; Mobile and desktop applications in the app registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PKCE code verifier did not match: start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authorization code was already used: start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity platform rejected the app&apos;s credentials: check --client-id and the client secret or certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in grant is no longer valid (expired, revoked or already used). Sign in again with `herald-cli login`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app is not allowed to use this sign-in flow in the tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check --tenant, --client-id and --login-url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity platform refused the token request (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must not contain a user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 uses plain http:// for a host that is not on this machine; tokens and data would travel unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use https://, or http:// only with 127.0.0.1, ::1 or localhost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttled by the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (request-id %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to follow a redirect to %1: it leaves %2 (a downgrade to http or another host would expose the token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted; Herald never ignores TLS errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from %1 is not valid JSON (%2 at offset %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who hears from you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick users, import a CSV file, take a group, every user or a set of teams. Herald resolves each one to an Entra object id, shows whether your bot is installed for them and reports anyone it cannot find.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put your bot where it is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install your organisation&apos;s Teams app for the recipients who do not have it yet, through Microsoft Graph and within its rate limits. People who already have it are left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the announcement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write Markdown text or an Adaptive Card, personalise it per recipient and preview it as Teams will show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver it, one chat at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the announcement as a proactive 1:1 message from your bot, paced to the service limits, with progress for every recipient. Stop and resume at any time; no one gets it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See what was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every campaign is journaled on this computer. Review delivery per recipient, resume a stopped campaign and export a report.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::CsvReader</name>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not open for reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is UTF-16 encoded; save it as UTF-8 (CSV UTF-8 in Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid UTF-8 byte 0x%1 in column %2; the file seems to use another encoding (Windows-1252?): save it as UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field starting here is longer than %1 bytes; is a closing quote missing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated quoted field: the quote opened here is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text after a closing quote in column %1 was kept as is</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::JournalRowModel</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked the bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::LineProblem</name>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ProgressEstimate</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::RecipientListReader</name>
    <message>
        <source>a tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no column named id, userPrincipalName or mail — found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is the delimiter %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename column &apos;%1&apos; to &apos;%2&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or give one UPN or object id per line, without a header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column &apos;%1&apos; appears twice; the first one is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a team id (a GUID); row skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id &apos;%1&apos; is not a GUID (like 8f2c0f1e-1b7a-4c4e-9d7e-0a1b2c3d4e5f); row skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not look like a user principal name (name@domain); row skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not look like a mail address (name@domain); row skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 values but the header has %2 columns; the extra values are ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no team id on this row; row skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no id, userPrincipalName or mail on this row; row skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one UPN or id per line expected; the values after &apos;%1&apos; are ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a user principal name nor an object id; row skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate of line %1 (%2); dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty: no recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::RecipientState</name>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::RecipientTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installation id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::auth</name>
    <message>
        <source>No bot secret for bot %1 (profile &apos;%2&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set HERALD_BOT_SECRET or store it with `herald-cli secret set --kind bot`.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::auth::CertificateCredential</name>
    <message>
        <source>The certificate file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give --cert the PEM file that holds the certificate and its private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the certificate file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert a .pfx/.p12 with `openssl pkcs12 -in FILE.pfx -nodes -out FILE.pem`, or concatenate the certificate and the key: `cat cert.pem key.pem &gt; FILE.pem`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PEM file (no &quot;-----BEGIN&quot; line); DER, .pfx and .p12 files are not read directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no certificate (&quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key in %1 is encrypted with a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store it unencrypted in a file only you can read: `openssl pkey -in FILE.pem -out key.pem`, then `chmod 600`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a certificate but no private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key in %1 is not an RSA key; Entra client assertions here are RS256 or PS256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an RSA certificate, e.g. `openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj /CN=herald -keyout key.pem -out cert.pem`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key in %1 does not belong to its certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the certificate together with its own key in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate in %1 expired on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new certificate, upload it to the app registration (Certificates &amp; secrets) and point --cert at it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::auth::CertificateTokenProvider</name>
    <message>
        <source>No certificate is loaded (--cert).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing the client assertion with the certificate&apos;s key failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::auth::ClientCredentialsTokenProvider</name>
    <message>
        <source>login URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tenant and a client id are needed to get a token (--tenant, --client-id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the identity platform at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token answer from %1 has no access_token or expires_in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::auth::ClientSecretTokenProvider</name>
    <message>
        <source>No client secret is configured for app %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set HERALD_CLIENT_SECRET or store one with `herald-cli secret set --kind client`.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::auth::DelegatedSignIn</name>
    <message>
        <source>The sign-in did not complete within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the printed URL in a browser on this machine and finish signing in; run the command again to get a new URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tenant and a client id are needed to sign in (--tenant, --client-id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 for the sign-in redirect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herald: signed in. You can close this window and return to Herald.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in returned no access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the identity platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::auth::Preflight</name>
    <message>
        <source>see and install the app for users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see and install the app in teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find the app in the tenant catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolve users by UPN or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expand groups into their members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Graph token provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Graph token for app %1 in tenant %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check --tenant, --client-id and the client secret or certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph token obtained for app %1 in tenant %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>granted through %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not granted: Herald cannot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entra admin center &gt; App registrations &gt; %1 &gt; API permissions &gt; Add a permission &gt; Microsoft Graph &gt; Application permissions &gt; %2; then grant admin consent: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No --app given: the catalog was not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant AppCatalog.Read.All (application) and admin consent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload the app to the organisation&apos;s catalog (Teams admin center &gt; Manage apps &gt; Upload), or pass its catalog id (find it with `herald-cli app find --external-id MANIFEST_ID`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), version %3, distribution %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bot credentials for bot %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set HERALD_BOT_SECRET or store it with `herald-cli secret set --kind bot`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bot Framework token obtained for bot %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Bot Framework token for bot %1 from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check --bot-id, --bot-tenant (botframework.com for multi-tenant bots, else the bot&apos;s tenant) and the bot secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the signed-in token&apos;s scopes: Herald cannot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entra admin center &gt; App registrations &gt; %1 &gt; API permissions &gt; Add a permission &gt; Microsoft Graph &gt; Delegated permissions &gt; %2; grant admin consent (%3), then sign in again with `herald-cli login`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant AppCatalog.Read.All (delegated) and admin consent (%1), then sign in again with `herald-cli login`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delegated Graph token (signed-in user) obtained for app %1 in tenant %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::auth::RefreshTokenProvider</name>
    <message>
        <source>There is no delegated sign-in for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with `herald-cli login`.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::auth::TokenJob</name>
    <message>
        <source>The token provider is gone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::auth::TokenProvider</name>
    <message>
        <source>The token provider was destroyed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::bot::BotConnectorClient</name>
    <message>
        <source>the Bot Connector service URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bot id is set (--bot-id).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::bot::BotSendJob</name>
    <message>
        <source>The Bot Connector client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tenant id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bot token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer after the request was sent (%1); it may have been delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (still refused after %n attempt(s))</source>
        <translation>
            <numerusform>%1 (still refused after %n attempt)</numerusform>
            <numerusform>%1 (still refused after %n attempts)</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped while the request was in flight; it may have been delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before the request was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::bot::TenantIdJob</name>
    <message>
        <source>The Bot Connector needs the tenant id (a GUID), and &apos;%1&apos; is not one; Herald reads it from a Graph token, which this run does not have. Give --tenant as the tenant id (Entra admin center &gt; Overview &gt; Tenant ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Graph token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Graph token for &apos;%1&apos; names no tenant id (tid claim), which the Bot Connector needs. Give --tenant as the tenant id (Entra admin center &gt; Overview &gt; Tenant ID).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::bot::WireConnection</name>
    <message>
        <source>The request was withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is not valid HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed before an answer came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled while in flight.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::bot::WireExchange</name>
    <message>
        <source>The request was cancelled before it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::campaign::CampaignLock</name>
    <message>
        <source>Campaign &apos;%1&apos; is being sent by another process (pid %2 on %3); wait for it to finish or stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the lock file %1: permission denied; make the data folder writable or use --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock campaign &apos;%1&apos; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::campaign::CampaignReport</name>
    <message>
        <source>Cannot write the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::campaign::CampaignRunner</name>
    <message>
        <source>The message cannot be bound for this recipient: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message bound now differs from the one journaled for this recipient (was the campaign&apos;s message changed?); not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Bot Connector client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign was started in tenant %1, but this profile is for tenant %2; resume it with the profile it was started with.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::campaign::CampaignStore</name>
    <message>
        <source>The campaign journal %1 cannot be written: the disk (or the journal&apos;s size limit) is full. Free some space; the journal is consistent and nothing unrecorded was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign journal %1 is damaged or not a SQLite database (%2). It was left untouched: move it away (or restore a backup) and Herald will start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign journal %1 is read-only; make it (and its folder) writable, or choose another folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign journal %1: %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data folder %1; choose another one with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign journal %1 was written by a newer Herald (schema %2); use that version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a SQLite database but not a Herald campaign journal; it was left untouched. Move it away or choose another folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A campaign named &apos;%1&apos; already exists; continue it with send --resume %1, or choose another --campaign name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run that sent it stopped before an answer was recorded; it may have been delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listing campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording the tenant id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marking interrupted sends unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updating the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking up recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbering recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claiming recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the campaign was cancelled; nothing of it was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::campaign::DirectoryIntake</name>
    <message>
        <source>Not found in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A team gets the announcement as a channel post: add --to-channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install refused (app permission policy): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team has no primary channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot find the team&apos;s channel: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::campaign::JournalRecipientFeed</name>
    <message numerus="yes">
        <source>Campaign &apos;%1&apos; was started by an older Herald that did not journal its recipient list, and it stopped before every row of %2 was journaled. The %n recipient(s) journaled so far are sent; %2 is NOT read again (it may have changed since), so rows of it that were never journaled get nothing. &apos;herald-cli report --campaign %1&apos; lists who is journaled; send the others a new campaign.</source>
        <translation>
            <numerusform>Campaign &apos;%1&apos; was started by an older Herald that did not journal its recipient list, and it stopped before every row of %2 was journaled. The %n recipient journaled so far is sent; %2 is NOT read again (it may have changed since), so rows of it that were never journaled get nothing. &apos;herald-cli report --campaign %1&apos; lists who is journaled; send the others a new campaign.</numerusform>
            <numerusform>Campaign &apos;%1&apos; was started by an older Herald that did not journal its recipient list, and it stopped before every row of %2 was journaled. The %n recipients journaled so far are sent; %2 is NOT read again (it may have changed since), so rows of it that were never journaled get nothing. &apos;herald-cli report --campaign %1&apos; lists who is journaled; send the others a new campaign.</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; stopped before every member of its %2 was journaled; they are listed from the directory again and only those not journaled yet are added: people who joined since the campaign started get it too, people who left do not. Nobody journaled gets it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--all-users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Graph connection to look up the campaign&apos;s other recipients; sign in and resume it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::campaign::TestSend</name>
    <message>
        <source>Not connected: sign in with a profile that has a bot secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test recipient: give a user principal name or object id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a user of this tenant.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli</name>
    <message>
        <source>%1 %2: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: not readable (check its permissions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; not found: stored profiles are not supported yet; give the connection options (--tenant, --client-id, ...) on the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every recipient reached a success state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the command ran, but some recipients failed or are unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage or configuration error (the message says what to fix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication or permission error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted (Ctrl-C, SIGTERM); a second Ctrl-C quits at once</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::AppFindCommand</name>
    <message>
        <source>Find the app in the tenant catalog (its teamsAppId).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--external-id is the id in the app&apos;s manifest; --name matches the display name exactly (close names are suggested when nothing matches). With --from-user or --from-team the app is found through that user&apos;s or team&apos;s installation instead of the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest id of the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app&apos;s display name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog id (teamsAppId).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in this user&apos;s installed apps (with --external-id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in this team&apos;s installed apps (with --external-id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app find needs exactly one of --external-id, --name or --id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from-user and --from-team go with --external-id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --from-user or --from-team, not both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::AppResolution</name>
    <message>
        <source>could not check app %1 in the catalog (%2); using the id as given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 catalog apps match; using %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::AppSelection</name>
    <message>
        <source>The app&apos;s catalog id (teamsAppId), as printed by &apos;app find&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app&apos;s manifest id instead of --app; resolved through the tenant catalog.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::BotSession</name>
    <message>
        <source>Proactive bot messages are not offered in the %1 cloud; give --bot-service-url if your tenant has a Bot Connector endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignsCommand</name>
    <message>
        <source>List the journaled campaigns with counts per delivery state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the campaign journal in the data folder (--data-dir); needs no credentials. state: running (being sent, or its process crashed), stopped (resumable), finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaigns in %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::ChatsCommand</name>
    <message>
        <source>Resolve each user&apos;s 1:1 chat id with the bot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default way: the installation&apos;s chat (needs only TeamsAppInstallation.ReadWriteSelfForUser.All). --via chats filters the user&apos;s chats instead and needs Chat.Read.All. Chat ids are kept in the data directory per tenant and app; known ones are not looked up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>installedApps (default) or chats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look every chat up again and update the stored ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--via must be installedApps or chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat ids are not cached this time: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::CheckCommand</name>
    <message>
        <source>Preflight: token, granted permissions, app in the catalog, bot token; says what to fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each check is one record (check, state, detail, fix). A missing permission names what to grant in Entra and the tenant&apos;s admin-consent URL. Exit code 3 when a token, a permission or the bot credential is the problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check takes the catalog id: --app ID (find it with `app find --external-id`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin consent for this tenant: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::CliRunner</name>
    <message>
        <source>Try &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo: the scenario needs the commands %1, which this build does not have yet; nothing was run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo is not available in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo: this build has no %1 command yet; those steps are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start the simulated tenant: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
demo: finished. Some recipients were blocked or not found on purpose; a real run in that state would exit with status 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo step &apos;%1&apos; is malformed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted: stopping after the requests in flight (Ctrl-C again quits at once).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::CommandContext</name>
    <message>
        <source>warning: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::CommandLine</name>
    <message>
        <source>&apos;%1&apos; needs a subcommand: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given: name one of the commands listed by --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; for &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs the app: give --app TEAMS_APP_ID or --app-external-id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --app or --app-external-id, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs recipients: give --user, --users FILE, --group ID, --all-users, --team or --teams FILE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::CommandRegistry</name>
    <message>
        <source>command name &apos;%1&apos; must be one or two lower-case words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command &apos;%1&apos; is registered twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command &apos;%1&apos; has no factory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command &apos;%1&apos; needs recipients but does not take the recipient options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command &apos;%1&apos; needs an app but does not take --app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command &apos;%1&apos;: option --%2 is defined twice or clashes with a global option</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::DemoScenario</name>
    <message>
        <source>Find the bot in the tenant catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status sweep of every user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status of a few users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install for them (409 = already there, 403 = blocked by policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::DryRun</name>
    <message numerus="yes">
        <source>dry run: would send %n bytes, creating the 1:1 chat</source>
        <translation>
            <numerusform>dry run: would send %n byte, creating the 1:1 chat</numerusform>
            <numerusform>dry run: would send %n bytes, creating the 1:1 chat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dry run: would send %n bytes into the known chat</source>
        <translation>
            <numerusform>dry run: would send %n byte into the known chat</numerusform>
            <numerusform>dry run: would send %n bytes into the known chat</numerusform>
        </translation>
    </message>
    <message>
        <source>No recipients: the recipient options select nobody.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::GlobalOptions</name>
    <message>
        <source>Named profile from the config file (default: default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant id or verified domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entra application (client) id used for Graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bot&apos;s Microsoft App id (default: the client id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant that issues the bot token (default: botframework.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National cloud: global, usgov, usgovdod or china (default: global).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the Graph base, e.g. http://127.0.0.1:8080 (the client appends /v1.0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the identity authority base (token endpoint: URL/TENANT/oauth2/v2.0/token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the Bot Connector service URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM file with certificate and private key: authenticate with a client assertion instead of a secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: table, csv or json (default: table); json prints one object per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No progress on stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log requests on stderr (secrets redacted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the campaign database lives (default: $XDG_DATA_HOME/herald, or $HERALD_DATA_DIR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper bound on requests in flight (default: chosen by the rate planner).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a simulated tenant in this process and run against it (alone: a short scenario).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show help (after a command: that command&apos;s help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quiet and --verbose contradict each other: give one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --cloud &apos;%1&apos;: use one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--concurrency &apos;%1&apos; must be a whole number of requests, at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--time-scale must be a number greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --format &apos;%1&apos;: use table, csv or json</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::HelpText</name>
    <message>
        <source>herald-cli %1 - find, install and message your organisation&apos;s Teams bot
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none in this build)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never on the command line. Set HERALD_CLIENT_SECRET (and HERALD_BOT_SECRET when the bot is a different app) in the environment, or use --cert FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;herald-cli COMMAND --help&apos; for the options of a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: herald-cli [GLOBAL OPTIONS] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App (one of, required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App (one of):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients (any mix, at least one; deduplicated):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients (any mix; deduplicated):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record states:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records go to stdout (--format table|csv|json); progress and the summary to stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global options (--tenant, --format, --quiet, ...): see &apos;herald-cli --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::LifecycleCommand</name>
    <message>
        <source>Only query the status and print what %1 would do; change nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the app where it is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installs the app for each user (or team) with one Graph request each: an answer 409 means it was already there, so no status query is needed first. Only apps published to the organization&apos;s catalog or the Teams Store can be installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade the app to the catalog&apos;s newest version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks up each installation, then upgrades it; recipients without the app are reported as not_installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks up each installation, then removes it; recipients without the app are reported as not_installed (which is what was asked for).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: the status is queried, nothing is changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::LoginCommand</name>
    <message>
        <source>Delegated sign-in in the browser (auth code + PKCE); the refresh token is kept in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints the sign-in URL and opens it in the default browser; the browser comes back to http://localhost:PORT (register http://localhost as a redirect URI under Mobile and desktop applications). Afterwards `profile save --auth delegated` makes the profile use this sign-in instead of a client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only print the URL (for machines without a browser).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loopback port for the redirect (default: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to wait for the browser, in seconds (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port must be a port number (0-65535)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds, at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open this URL in a browser to sign in (waiting for the redirect to %1):
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in, but no refresh token was issued: the app registration must allow the offline_access permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in. The refresh token is stored in the keychain for profile &apos;%1&apos;. Use it with `herald-cli --profile %1 profile save --auth delegated`.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::PreviewCommand</name>
    <message>
        <source>Print the Bot Connector activity a recipient would get.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE is markdown (.md, .txt) or JSON (.json): an Adaptive Card (schema 1.5 at most), an Adaptive Card template, or a full Activity. The activity is printed on stdout exactly as it would be sent (indented; --format json prints it on one line, byte for byte). --user looks the user up in the directory (displayName, givenName, mail, userPrincipalName, id) and adds their row of --data; --data alone binds its first row; with neither, fields stay unbound. Problems go to stderr; any error (invalid card, a field this recipient lacks, more than 40 KB) exits with 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient, looked up in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients CSV whose extra columns are template data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preview needs --message FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preview for the first row of the CSV (%1); pick another with --user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no usable rows; it needs a header with id, userPrincipalName or mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no user %1 in the directory; give a UPN, mail or object id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in %2; only directory fields are bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recipient data (give --user or --data), so these stay unbound: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes of %2 allowed; sha256 %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::ProfileCommand</name>
    <message>
        <source>Save the connection options of this command line as the profile (--profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores --tenant, --client-id, --bot-id, --bot-tenant, --cloud, the endpoint overrides and --cert (the path only) in %1, over what the profile already holds. Secrets are never stored there: use `secret set`. --auth delegated makes the profile use the sign-in of `herald-cli login` instead of a client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How Graph tokens are obtained: secret, certificate (needs --cert) or delegated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --auth &apos;%1&apos;: use secret, certificate or delegated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the saved profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the effective connection settings of the profile (no secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the profile (--profile) from the profile file; keychain entries stay until `secret clear`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--auth certificate needs --cert FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved profile &apos;%1&apos; in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed profile &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::RecipientSelection</name>
    <message>
        <source>One user: UPN or object id (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV with a header naming id, userPrincipalName or mail (other columns become template data), or one UPN/id per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every user in the group, nested groups included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every user in the tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A team (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One team id per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 can be given only once; run once per %2, or put everyone in one --users file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--user needs a UPN or object id, not an empty value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--team needs a team id, not an empty value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::ReportCommand</name>
    <message>
        <source>Per recipient delivery state of a campaign, from the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the campaign journal; needs no credentials. &apos;unconfirmed&apos;: the request may have reached the service but no answer came; such recipients are not sent again unless &apos;send --resume NAME --retry-unconfirmed&apos; is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report needs --campaign NAME (&apos;herald-cli campaigns&apos; lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign named &apos;%1&apos;; &apos;herald-cli campaigns&apos; lists them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::SecretCommand</name>
    <message>
        <source>client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bot secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delegated sign-in (refresh token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--kind is required: client or bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --kind &apos;%1&apos;: use client, bot or refresh-token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --kind &apos;%1&apos;: use client or bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the client or bot secret of the profile in the OS keychain (read from stdin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is read from standard input, without echo on a terminal; it never goes on the command line. It is stored under the profile (--profile) in the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager), never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which secret: client (the Graph app) or bot (the Bot Framework app).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a secret of the profile from the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which secret: client, bot or refresh-token (the delegated sign-in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which secrets of the profile are stored (never prints them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One record per kind: whether the keychain holds it and whether the environment variable that takes precedence is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret on standard input: type it at the prompt, or pipe it in (e.g. `herald-cli secret set --kind client &lt; file`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret on standard input has several lines: give only the secret&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for profile &apos;%2&apos; (input hidden): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the %1 for profile &apos;%2&apos; in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set in this environment and takes precedence over the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 was stored for profile &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the %1 of profile &apos;%2&apos; from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::SendCommand</name>
    <message>
        <source>--resume NAME continues a campaign exactly as it was started; give no --message, --campaign, --app, recipients or other send options with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--resume needs the campaign&apos;s name (herald-cli campaigns lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--retry-unconfirmed only goes with --resume NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send needs --message FILE (markdown .md/.txt, or a .json card or activity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--test-to sends to that one user only: give no --campaign, recipients or --dry-run with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send needs the app: give --app TEAMS_APP_ID or --app-external-id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --app or --app-external-id, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send needs recipients: give --user, --users FILE, --group ID, --all-users, --team or --teams FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send needs --campaign NAME: the journal that makes the campaign resumable and keeps anyone from getting it twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--campaign needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a team gets the announcement as a post in its channel: add --to-channel (or give its members with --group TEAM_ID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an announcement to every recipient, journaled and resumable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign is journaled (--data-dir) before anything is sent: each recipient is marked &apos;sending&apos; before its request leaves, so a crash or Ctrl-C never leads to a second message. Users with a known chat get the message in that chat; others through a new 1:1 conversation that carries the message (one request). --install-missing installs the app first where it is missing (409 = already there). A recipient whose request got no answer is &apos;unconfirmed&apos; and is not sent again unless --resume is given --retry-unconfirmed. --test-to sends the message to one user only and records nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message: .md/.txt (markdown) or .json (Adaptive Card, card template, Activity).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new campaign (the journal&apos;s key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the app for recipients who do not have it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post to the channel of each --team / --teams recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve and bind for every recipient; send and journal nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a stopped or crashed campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --resume: also send to &apos;unconfirmed&apos; recipients (they may get it twice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message to this one user only, as a test; never journaled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A campaign named &apos;%1&apos; already exists. Continue it with &apos;herald-cli send --resume %1&apos;, or give a new --campaign name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>known chat ids are not used this time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign named &apos;%1&apos; in %2; &apos;herald-cli campaigns&apos; lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming campaign &apos;%1&apos; (run %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) were in flight when the last run stopped; they are &apos;unconfirmed&apos; and are not sent again%1.</source>
        <translation>
            <numerusform>%n recipient was in flight when the last run stopped; it is &apos;unconfirmed&apos; and is not sent again%1.</numerusform>
            <numerusform>%n recipients were in flight when the last run stopped; they are &apos;unconfirmed&apos; and are not sent again%1.</numerusform>
        </translation>
    </message>
    <message>
        <source> -- except now, with --retry-unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Sending stopped; run &apos;herald-cli send --resume %2&apos; when it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -- sending stopped; &apos;herald-cli send --resume %2&apos; continues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; stopped; &apos;herald-cli send --resume %1&apos; continues it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recipients: the recipient options select nobody; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos;: journal %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Nothing was sent; the campaign was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::SignalNotifier</name>
    <message>
        <source>another SignalNotifier is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot install signal handlers: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::SimDemoEnvironment</name>
    <message>
        <source>herald-cli: DEMO - simulated tenant %1 (%2 users, %3 teams, time x%4) at %5; nothing is sent to Microsoft.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::StatusCommand</name>
    <message>
        <source>Per recipient: is the app installed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries each recipient&apos;s installed apps (20 per Graph $batch, at the documented 30 requests/s) and prints one record per recipient as the answers arrive.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::TestSend</name>
    <message>
        <source>Test message to %1 only; it is not journaled and belongs to no campaign.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::cli::progress</name>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted after %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::config</name>
    <message>
        <source>Global (commercial, GCC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Government L4 (GCC High)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Government L5 (DoD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>China (operated by 21Vianet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proactive install is not available in the China cloud (21Vianet): Microsoft Graph cannot install the app for users or teams there. Ask users to add the app themselves in Teams; messages reach those who have it. The Bot Connector service URL must be given with --bot-service-url.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::config::ConnectionSettings</name>
    <message>
        <source>--profile must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tenant &apos;%1&apos; is neither a tenant id (GUID) nor a domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--client-id &apos;%1&apos; is not an application id (a GUID like 00000000-0000-0000-0000-000000000000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bot-id &apos;%1&apos; is not a Microsoft App id (a GUID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bot-tenant &apos;%1&apos; is neither a tenant id (GUID) nor a domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--concurrency must be a positive number of requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time scale must be greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tenant: pass --tenant ID (tenant id or verified domain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no application: pass --client-id ID (the Entra application id)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::config::CredentialResolver</name>
    <message>
        <source>no delegated sign-in for profile &apos;%1&apos;: sign in with `herald-cli --profile %1 login`, or use a client secret or certificate instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client secret (Graph application)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bot secret (Bot Framework app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no %1 for profile &apos;%2&apos;. Provide it in the environment, e.g. `read -rs %3 &amp;&amp; export %3`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, or store it in the keychain: `herald-cli --profile %1 secret set --kind %2`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, or authenticate with a certificate: --cert FILE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::config::ProfileStore</name>
    <message>
        <source>profile name &apos;%1&apos; is not usable: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile file %1 is not a valid settings file: fix or delete it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; not found in %2: save one with `herald-cli profile save --profile %1 --tenant ID --client-id ID`, or give the connection options on the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown cloud &apos;%1&apos; (use one of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown auth method &apos;%1&apos; (use secret, certificate or delegated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auth method &apos;certificate&apos; needs a certFile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; in %2 is not usable: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the profile file %1: check that its folder is writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; not found in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the profile file %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::directory::CollectionFeed</name>
    <message>
        <source>The Graph client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page from %1 has no &quot;value&quot; array.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::directory::LookupFeed</name>
    <message>
        <source>The Graph client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail &apos;%1&apos; belongs to %2 users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no team &apos;%1&apos; in this tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no user &apos;%1&apos; in this tenant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::directory::RecipientResolver</name>
    <message>
        <source>The Graph client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group &apos;%1&apos; not found: not a group id (a GUID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group &apos;%1&apos; not found: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 duplicate recipient merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 duplicate recipients merged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::graph::BatchScheduler</name>
    <message>
        <source>The Graph client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The $batch answer from %1 has no &quot;responses&quot; array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The $batch answer has no response for sub-request %1 (%2 %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost after the request was sent, so it may or may not have taken effect; check the state and run again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::graph::GraphClient</name>
    <message>
        <source>Graph URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to follow a link to %1: it is not on %2, and the access token must not be sent elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid request URL &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::graph::GraphPager</name>
    <message>
        <source>The Graph client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page from %1 has no &quot;value&quot; array.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::graph::GraphRequestJob</name>
    <message>
        <source>The Graph client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was refused even after a refresh; check the app&apos;s permissions and tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Still refused after %n attempt(s).</source>
        <translation>
            <numerusform>Still refused after %n attempt.</numerusform>
            <numerusform>Still refused after %n attempts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::install::AppLookup</name>
    <message>
        <source>The Graph client is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No app id or name was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No app with the manifest (external) id &apos;%1&apos; is in the tenant app catalog. Microsoft Graph can only install apps published to the organization&apos;s catalog or the Teams Store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No app named &apos;%1&apos; is in the tenant app catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close matches: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No app with the catalog id &apos;%1&apos; is in the tenant app catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app with the manifest id &apos;%1&apos; is not installed for user &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app with the manifest id &apos;%1&apos; is not installed in team &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::install::ChatIdCache</name>
    <message>
        <source>cannot create the data directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot prepare %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::install::ChatResolver</name>
    <message>
        <source>A team has no 1:1 chat with the bot; its conversation is a channel (send --to-channel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer names no chat id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat.Read.All (or resolve chats with the default --via installedApps, which needs only TeamsAppInstallation.ReadWriteSelfForUser.All)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::install::InstallRunner</name>
    <message>
        <source>Proactive app installation through Microsoft Graph is not offered in the China cloud (21Vianet); install the app through the Teams admin center instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: already installed, nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: would install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: would upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: would uninstall</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::install::RecipientPipeline</name>
    <message>
        <source>No Graph client or no recipients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Teams app id was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer came for this recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app lacks the application permission %1: grant it in Entra ID (API permissions, Microsoft Graph, Application) and give admin consent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::install::TeamsApp</name>
    <message>
        <source>App &apos;%1&apos; (%2) is sideloaded: Microsoft Graph can only install apps published to the organization&apos;s app catalog or the Microsoft Teams Store. Publish it to the org catalog (Teams admin center &gt; Manage apps &gt; Upload) and use the catalog id it gets.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::message</name>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; here (is a comma missing between two members?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; here (is a comma missing between two elements?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after the member name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; between two values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member must follow &apos;,&apos; (remove the trailing comma)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON value (text needs double quotes; true, false and null are lower-case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text has no closing double quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid escape sequence (write \\ for a backslash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is not UTF-8; save the file as UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the end of the JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::message::ActivityBuilder</name>
    <message>
        <source>no value for &quot;%1&quot;; the condition that uses it counts it as false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value for &quot;%1&quot;; give it in the recipients CSV or guard it, e.g. ${if(exists(%1), %1, &apos;&apos;)}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value for &quot;%1&quot;; the data has &quot;%2&quot; (names are case-sensitive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message is %1 bytes, over the Bot Connector limit of %2 bytes; shorten the text or remove elements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::message::MessageDocument</name>
    <message>
        <source>%1: unknown kind of message file; use .md or .txt for markdown text, .json for an Adaptive Card or an Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 bytes; a Teams message must stay under about 40 KB, so this is probably the wrong file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is not UTF-8; save the file as UTF-8 and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON is not valid: %1 is a typographic quote; JSON needs plain &quot; quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON must be an object: an Adaptive Card {&quot;type&quot;: &quot;AdaptiveCard&quot;, ...} or an Activity {&quot;type&quot;: &quot;message&quot;, ...}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herald sends an Adaptive Card (&quot;type&quot;: &quot;AdaptiveCard&quot;) or a Bot Framework Activity (&quot;type&quot;: &quot;message&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is an attachment, not a card: save only its &quot;content&quot; object, or wrap it in an Activity&apos;s &quot;attachments&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card has no &quot;type&quot;; add &quot;type&quot;: &quot;AdaptiveCard&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON has no &quot;type&quot;; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;type&quot; is %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::message::RecipientData</name>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::message::TemplateBinder</name>
    <message>
        <source>in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$when must be an expression such as &quot;${exists(department)}&quot;, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::message::ValidationIssue</name>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::message::Validator</name>
    <message>
        <source>the message is empty; write the announcement first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the activity has neither &quot;text&quot; nor &quot;attachments&quot;; Teams would show an empty message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;textFormat&quot; should be &quot;markdown&quot;, &quot;plain&quot; or &quot;xml&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Adaptive Card attachment has no card in &quot;content&quot; (an object with &quot;type&quot;: &quot;AdaptiveCard&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card has no &quot;version&quot;; add &quot;version&quot;: &quot;1.5&quot; (the newest Teams renders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;version&quot; must be text such as &quot;1.5&quot; (in quotes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;version&quot; must look like &quot;1.5&quot;, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams renders Adaptive Cards up to version %1, this card is version %2; set &quot;version&quot;: &quot;%1&quot; and remove what is newer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the element has no &quot;type&quot; (such as &quot;TextBlock&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Adaptive Card element or action; Teams would not show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Adaptive Card element or action; did you mean &quot;%2&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; works only in Outlook Actionable Messages and Teams does not render it; use Action.OpenUrl, Action.Submit or Action.Execute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs Adaptive Cards %2, newer than Teams renders; Teams shows its fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs Adaptive Cards %2 and Teams renders only up to %3; remove it or give it a &quot;fallback&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs card version %2 but the card says %3; raise &quot;version&quot; to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 recipients (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -- for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message is %1 bytes, over the Bot Connector limit of %2 bytes; shorten the text or remove elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message is over the Bot Connector limit of %1 bytes for %2 (largest: %3 bytes for %4); shorten the text or remove elements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::message::detail</name>
    <message>
        <source>&apos;${&apos; has no closing &apos;}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1(): &apos;%2&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1(): cannot make a number of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>substring(): start and length must be numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1(): needs text or a list, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace(): the text to replace is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>join(): needs a list, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1() cannot be used here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;-&apos; needs a number, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot compare %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs numbers, not %2 and %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::message::detail::Parser</name>
    <message>
        <source>the expression is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expression is nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use == to compare (&apos;=&apos; alone is not an operator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expression ends too early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text starting here has no closing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field name must follow &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;)&apos; after the arguments of %1()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown function %1() (Herald supports: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1() takes %2 arguments, not %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::secrets::SecretJob</name>
    <message>
        <source>The keychain refused access (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the keychain (for GNOME: the &quot;login&quot; keyring in Passwords and Keys) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HERALD_KEYCHAIN_TIMEOUT=&apos;%1&apos; is not a number of seconds: set a whole number (0 waits without limit) or unset it (%2 seconds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s): it is probably locked and waiting for its password in an unlock prompt.</source>
        <translation>
            <numerusform>The keychain did not answer within %n second: it is probably locked and waiting for its password in an unlock prompt.</numerusform>
            <numerusform>The keychain did not answer within %n seconds: it is probably locked and waiting for its password in an unlock prompt.</numerusform>
        </translation>
    </message>
    <message>
        <source> HERALD_KEYCHAIN_TIMEOUT=SECONDS waits longer (0 waits without limit).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::secrets::SecretStore</name>
    <message>
        <source>No keychain is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Herald keeps secrets only in the OS keychain, never in a file. On Linux start a Secret Service in your D-Bus session (gnome-keyring-daemon, KeePassXC or KWallet) and unlock it; for automation set HERALD_CLIENT_SECRET / HERALD_BOT_SECRET instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set and there is no $XDG_RUNTIME_DIR/bus socket; run Herald inside your desktop session or `dbus-run-session`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is locked, so Herald cannot read or change the secrets in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock it: log in to the desktop session (or unlock the &quot;login&quot; keyring in Passwords and Keys); without a desktop, restart the keyring unlocked with `gnome-keyring-daemon --replace --unlock` (it reads the keyring password from standard input). For automation set HERALD_CLIENT_SECRET / HERALD_BOT_SECRET instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::sim::SimServer</name>
    <message>
        <source>The simulator is already listening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui</name>
    <message>
        <source>This Action.OpenUrl has no &quot;url&quot;; Teams cannot open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams cannot open &quot;%1&quot;: use an https:// link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sends data to the bot; the preview does not run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action.ShowCard opens a card inside the message; the preview does not expand it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action.ToggleVisibility shows or hides elements; the preview does not run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported action: %1 — Teams will not show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 actions are shown; Teams drops the rest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::ActivityIndicator</name>
    <message>
        <source>Background activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::AdaptiveCardView</name>
    <message>
        <source>Adaptive Card preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to preview yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This JSON is not an Adaptive Card: it has no &quot;type&quot;: &quot;AdaptiveCard&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This JSON is not an Adaptive Card: its &quot;type&quot; is &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card version %1 is newer than Teams renders (%2): Teams may show its fallback text instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::CampaignController</name>
    <message>
        <source>No profile is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; is still sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the recipients is in the directory; there is nobody to send to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That campaign is not in the journal any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journaled message of &apos;%1&apos; cannot be read any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bot cannot send with this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: some recipients still have to be looked up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known chat ids are not used this time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; finished: %2 sent, %3 not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; stopped; resume it from the Send or History page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Sending stopped; resume it when this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to send to; the campaign was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A campaign named “%1” already exists; resume it from the History page, or choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign &apos;%1&apos; was not created; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::CardFormWidget</name>
    <message>
        <source>New expense policy from 1 March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://contoso.com/banner.png (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi ${givenName}, … (markdown: **bold**, _italic_, [links](https://…))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read more (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://intranet.contoso.com/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces the card JSON with a card made from these fields (Ctrl+Z in the editor undoes it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Button:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Button text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Button link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summar&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::CardImageCache</name>
    <message>
        <source>only https:// images are loaded (plain http:// only from this machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images are not downloaded in this view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image is larger than %1 MB or the download was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not send an image Qt can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a data: URI (expected data:image/png;base64,...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data: URI&apos;s base64 is malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data: URI holds no image Qt can read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::CardImageWidget</name>
    <message>
        <source>The image has no &quot;url&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams loads card images from https:// or data: URLs; &quot;%1&quot; is neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not loaded: &quot;%1&quot; uses plain http://; Teams loads card images over https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images are not downloaded in this view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::ChatCanvas</name>
    <message>
        <source>Herald</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1   %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::ChipBar</name>
    <message>
        <source>No recipients chosen yet: search for people above, or add a team, a group, a CSV file or every user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen recipients. Press Space or Delete to take them off the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::ComposerPage</name>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a message file (.md or .json) (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the message to a file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview &amp;as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview in Teams&apos; dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends this message, bound for the recipient previewed, to you only. It is not recorded as campaign delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card from title, image, summary and button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fie&amp;lds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi ${givenName},

Write the announcement in markdown: **bold**, _italic_, lists and [links](https://…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the last valid preview. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: fix the error first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recipients yet: fields stay unbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 of %2 recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind the preview with this recipient&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages (*.md *.markdown *.txt *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adaptive Card (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (&amp;markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adaptive Card (&amp;JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;nd test to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown text or Adaptive Card JSON. Tab indents; Ctrl+Tab moves to the next control.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::CsvImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows read from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 recipient read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recipients read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 problems (%2 rows could not be used). Fix the lines below in the file, or add the rows that are fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; no problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The first %1 are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identified by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add 1 recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::DemoBanner</name>
    <message>
        <source>&lt;b&gt;Demo mode&lt;/b&gt; — starting a simulated tenant on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo mode&lt;/b&gt; — a simulated tenant on %1:%2. Nothing leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service limits run %1 times faster than in a real tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo mode&lt;/b&gt; — the simulated tenant could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::DemoSession</name>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::DirectoryPickerDialog</name>
    <message>
        <source>Add teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app is installed in each team you add, and the team&apos;s channel is the recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every user in the group is added, including members of nested groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team name starts with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::DirectorySearch</name>
    <message>
        <source>Not signed in: open a profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::ElementRenderer</name>
    <message>
        <source>Element without a &quot;type&quot; — Teams will not show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not previewed: %1 — Teams shows it, this preview does not draw it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported element: %1 — Teams will not show it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::EmptyStatePage</name>
    <message>
        <source>Not available yet: this arrives in a later version of Herald.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the window yet. From the command line:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::HistoryPage</name>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending or interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a campaign to see its recipients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients of the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again to the recipients whose message certainly did not arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;unconfirmed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recipients may already have the message: it left, but no answer came back. Sending again can give them a second copy. Retry them anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 recipients · run %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recipients are unconfirmed: their message was sent, but no answer came back (the connection dropped, or Herald closed while sending). They may have it. Herald does not send to them again unless you choose “Retry unconfirmed”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a campaign first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;send to failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::InstallActions</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Microsoft Graph whether the app is installed for these recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the app for these recipients (people who have it are left alone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade the app to the catalog&apos;s newest version for these recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uninstall…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the app for these recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected recipients off the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking install status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uninstalling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uninstall the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 for %2 recipients? They will no longer get messages from it until it is installed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Graph could not be reached (%1); %2 recipients were not reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; %1 recipients not reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install status checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uninstalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 recipients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::InstallPage</name>
    <message>
        <source>Install the app for every recipient who is not known to have it. Graph answers 409 for people who already have it; they are left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — catalog id %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the app in the tenant catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app could not be looked up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recipients yet: choose them on the Recipients page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check status of all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Install where missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Install where missing (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::IssueList</name>
    <message>
        <source>Validation messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to go to line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::MainWindow</name>
    <message>
        <source>Herald</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message on the Compose page has errors; fix them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A campaign is sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is still sending. Stop it and quit? Messages already on their way are answered first; the rest can be resumed the next time you start Herald.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Herald</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Herald %1&lt;/h3&gt;&lt;p&gt;Install your organisation&apos;s Microsoft Teams bot for the people who need it and send them announcements through it.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and edit connection profiles, store their secrets, sign in, run checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams &amp;App…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which Teams app (bot) this profile installs and sends with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;All Users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Herald</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated tenant (demo) · signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 · signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the simulated tenant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is still being prepared; nothing has been sent yet. Stop it and quit? If its recipient list was already saved, the campaign can be resumed the next time you start Herald.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A campaign is being prepared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::MarkdownMessageView</name>
    <message>
        <source>Text message preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::MessageFiles</name>
    <message>
        <source>Cannot open &quot;%1&quot;: Herald opens .md, .markdown, .txt or .json message files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open &quot;%1&quot;: it is not UTF-8 text. Save it as UTF-8 and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::PayloadSizeIndicator</name>
    <message>
        <source>Payload size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: nothing to measure yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB — over the %2 KB limit by %3 KB: the Bot Connector rejects it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB of %2 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (largest: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes after binding; limit %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::PreflightView</name>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found, and how to fix it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preflight results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the checks to see whether this profile can reach the tenant and what is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything Herald needs is in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found; each row says how to fix it.</source>
        <translation>
            <numerusform>%n problem found; the row says how to fix it.</numerusform>
            <numerusform>%n problems found; each row says how to fix it.</numerusform>
        </translation>
    </message>
    <message>
        <source>After adding the permissions, an administrator grants consent here: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::ProfileDialog</name>
    <message>
        <source>Connection profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant and app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contoso.onmicrosoft.com or the tenant id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application (client) id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: botframework.com (multi-tenant bot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret (stored in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed-in administrator (browser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM file with the certificate and its private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret&apos;s Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when the bot is another app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted profile &apos;%1&apos;. Its keychain entries stay until removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate and key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved profile &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the secret first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the bot secret of &apos;%1&apos; in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the client secret of &apos;%1&apos; in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish signing in in your browser. If it did not open, visit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in; the sign-in of &apos;%1&apos; is kept in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bot id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bot te&amp;nant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;oud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store in &amp;keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store &amp;in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the client secret in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the bot secret in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certi&amp;ficate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bot &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;gn in with browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint o&amp;verrides (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gr&amp;aph:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bot Connecto&amp;r:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un checks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::ProfileOpener</name>
    <message>
        <source>Profile %1 does not say which Teams app to use yet: choose File › Teams App… and give the app&apos;s manifest id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest id (external id) of your organisation&apos;s bot app for profile %1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::ProgressPanel</name>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::RecipientLoader</name>
    <message>
        <source>%1: not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was cut short: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::RecipientTableView</name>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, e-mail or detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install state filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any install state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery state filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any delivery state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 recipients shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per recipient with its install and delivery state. Arrow keys move, Shift and Ctrl select, the Menu key opens the actions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::RecipientsPage</name>
    <message>
        <source>Add &amp;team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add teams: the app goes into each team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add every user of a group, nested groups included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add people from a CSV file with an id, userPrincipalName or mail column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add every user in the tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search people by name or e-mail, then press Enter to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to search the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herald is not connected to a tenant. Create or choose a profile (File › Profiles…, Ctrl+,), or start &lt;b&gt;herald --demo&lt;/b&gt; to try everything on a simulated tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (and %2 earlier problems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV or text files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the users: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add all users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add all %1 users of %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add every user of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each of them will be part of the next install or announcement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All users</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::SendPage</name>
    <message>
        <source>Open &amp;message file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A markdown (.md) or Adaptive Card (.json) file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announcement %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Install the app first where it is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the message on the Compose page, or open a message file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages (*.md *.markdown *.txt *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be sent:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adaptive Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the announcement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send “%1” to %2 recipients from %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Will be sent&lt;/td&gt;&lt;td align=right&gt;&amp;nbsp;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;App not installed&lt;/td&gt;&lt;td align=right&gt;&amp;nbsp;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Blocked by policy&lt;/td&gt;&lt;td align=right&gt;&amp;nbsp;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Not found / no Teams licence&lt;/td&gt;&lt;td align=right&gt;&amp;nbsp;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;People without the app are recorded as not installed unless it is installed first. Everything is journaled: nobody gets the message twice.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 · failed %2 · not delivered %3 · remaining %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was interrupted (Herald closed while sending): %2 of %3 sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was stopped: %2 of %3 sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %1 more on the History page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Install the app first for the %1 without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the campaign…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::Session</name>
    <message>
        <source>Proactive bot messages are not offered in the %1 cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Teams app chosen for profile %1: choose File › Teams App… and give the app&apos;s manifest id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::TemplateFieldList</name>
    <message>
        <source>Template fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or press Enter to insert the field at the cursor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Insert field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::TenantIndicator</name>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herald has no tenant to work with yet. Start it with --demo to try a simulated tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::TestSendAction</name>
    <message>
        <source>Send test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this message, and only this one, to (user principal name or object id):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test sent: give a user principal name or object id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bot cannot send with this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test sent to %1 (not journaled, part of no campaign).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test not sent: %1 has blocked the bot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test not sent: the app is not installed for %1; install it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test not sent: %1 was not found in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test to %1 unconfirmed: the answer was lost, it may have arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test to %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>herald::ui::UserSearchBox</name>
    <message>
        <source>Search people by name or e-mail, then press Enter to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory is searched after a pause in typing or on Enter. Down opens the results; Enter adds the highlighted person.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--%1 must be a number between 0 and 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be an integer from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A simulated Microsoft 365 tenant (Graph, token endpoint, Bot Connector) on 127.0.0.1.
The accepted client secret is read from HERALD_SIM_CLIENT_SECRET; when unset, one is generated and written only to --secret-file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--time-scale must be a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read --client-cert %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fault shares add up to more than 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot install signal handlers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the secret file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
