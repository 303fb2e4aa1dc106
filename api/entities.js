// Mastodon's API entities as Parley serves them: the contract shared by the server's serializers
// and the web client (which imports nothing else of the server).
export {};
