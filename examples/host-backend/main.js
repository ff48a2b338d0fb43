import { pathToFileURL } from 'node:url';
import { createParleyAdminClient } from './parley-admin-client.js';

/**
 * What a host site's backend does when one of its users opens the chat: map the user to a Parley
 * user and get a token for the widget, make sure there is a channel, and welcome them with a
 * system message (idempotent: running it twice posts once).
 *
 * @param {{ address: string; adminSecret: string; hostUserId: string; hostUserName: string; channelId?: string }} options
 */
export async function run({ address, adminSecret, hostUserId, hostUserName, channelId }) {
  const parley = createParleyAdminClient({ address, adminSecret });
  try {
    const issued = await parley.issueUserToken({ external_id: hostUserId, name: hostUserName });
    let channel = channelId;
    if (!channel) {
      const created = await parley.createChannel({
        name: `${hostUserName}'s support`,
        creator_user_id: issued.user.id,
      });
      channel = created.channel.id;
    } else {
      await parley.addMember({ channel_id: channel, user_id: issued.user.id });
    }
    const welcome = await parley.postMessage({
      channel_id: channel,
      content: `Welcome, ${hostUserName}! An agent will be with you shortly.`,
      client_msg_id: `welcome:${hostUserId}:${channel}`,
    });
    return {
      user: issued.user,
      // Hand this to the widget: <chat-widget token="..." channel="...">.
      token: issued.token,
      expires_at: issued.expires_at,
      channel_id: channel,
      message: welcome.message,
      posted: welcome.created,
    };
  } finally {
    parley.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const adminSecret = process.env.PARLEY_ADMIN_SECRET;
  if (!adminSecret) {
    process.stderr.write('Set PARLEY_ADMIN_SECRET to the secret the Parley service was started with.\n');
    process.exit(2);
  }
  run({
    address: process.env.GRPC_ADDRESS ?? '127.0.0.1:9090',
    adminSecret,
    hostUserId: process.env.HOST_USER_ID ?? 'host-user-1',
    hostUserName: process.env.HOST_USER_NAME ?? 'Ada',
    channelId: process.env.CHANNEL_ID || undefined,
  }).then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (err) => {
      process.stderr.write(`parley host backend: ${err.code ?? ''} ${err.details ?? err.message}\n`);
      process.exit(1);
    },
  );
}
