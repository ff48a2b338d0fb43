import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Chat } from './chat.js';

const endpoint = import.meta.env.VITE_PARLEY_URL ?? 'http://localhost:8080';

function App() {
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [line, ...lines].slice(0, 8));
  return (
    <main style={{ maxWidth: 1100, margin: '0 auto', padding: 24 }}>
      <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <h1>Parley in React</h1>
        <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
          {theme === 'light' ? 'Dark theme' : 'Light theme'}
        </button>
      </header>
      <Chat
        endpoint={endpoint}
        theme={theme}
        storageKey="parley.react"
        style={{ height: 620 }}
        onReady={(event) => note(`Signed in as ${event.user.name}`)}
        onChannelChange={(event) => note(`Now in #${event.name}`)}
        onMessageSend={(event) => note(`You sent: ${event.content}`)}
        onChatError={(event) => note(`Error: ${event.error.message}`)}
      />
      <h2>Events</h2>
      <ul aria-label="Widget events">
        {log.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a log, newest first, never reordered
          <li key={`${i}-${line}`}>{line}</li>
        ))}
      </ul>
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
