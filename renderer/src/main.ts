// The renderer's entry: connect to the lab host first, then mount the app. A failed connection
// is shown as a readable page, never a blank one.

import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { connectLab } from './lab/connection';
import { setLabConnection } from './lab/lab';
import { registerCharts } from './charts/registerCharts';
import './styles.css';

function showFatal(message: string): void {
  const root = document.getElementById('app');
  if (root === null) return;
  const panel = document.createElement('main');
  panel.className = 'fatal';
  const title = document.createElement('h1');
  title.textContent = 'RNN Lab cannot reach its host';
  const text = document.createElement('p');
  text.textContent = message;
  panel.append(title, text);
  root.replaceChildren(panel);
}

async function start(): Promise<void> {
  try {
    const connection = await connectLab();
    setLabConnection(connection);
    registerCharts();
    const app = createApp(App);
    app.use(createPinia());
    app.config.errorHandler = (error) => console.error(error);
    app.mount('#app');
    connection.onClosed(() =>
      showFatal('The connection to the web host closed. Start it again (npm run web) and reload this page.'),
    );
  } catch (error) {
    showFatal(error instanceof Error ? error.message : String(error));
  }
}

void start();
