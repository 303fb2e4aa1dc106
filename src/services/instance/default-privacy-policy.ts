// Shown until the admin writes a privacy policy (Mastodon also ships a default one).

export function defaultPrivacyPolicy(domain: string): string {
  // Domains are validated host names (config), so they carry no HTML.
  const d = domain;
  return [
    `<p>This privacy policy describes how ${d} collects, protects and uses the personal information you provide when you use this server.</p>`,
    '<h2>What we collect</h2>',
    '<p>Your account details (user name, e-mail address, password hash), your profile, the posts you write and the interactions you make (follows, favourites, reposts). Posts that are public can be seen by anyone; private and direct posts are shown only to their audience, but are stored unencrypted on this server.</p>',
    '<h2>How we use it</h2>',
    '<p>Only to run this service: to show your posts to the people you address, to deliver notifications, and to keep the server safe. We do not sell your information.</p>',
    '<h2>Deleting your data</h2>',
    '<p>You can delete your posts and your account at any time; they are then removed from this server.</p>',
  ].join('\n');
}
