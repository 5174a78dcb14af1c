// Our agent reply path on its own, for the stream runs while the widget does not send to its agent yet: the real
// client and renderer (`streamReply` → `<AgentReply>`, as in the agent chunk) in a 380×560 scrolling panel,
// styled with `agentStyles`, reading the bench server's OpenAI-style stream over loopback. Bundled by esbuild.
import { render } from 'preact';
import { AgentReply } from '../../src/view/agent/AgentReply.tsx';
import { agentStyles } from '../../src/view/agent/agentStyles.ts';
import { streamReply } from '../../src/state/agent/streamReply.ts';

const style = document.createElement('style');
style.textContent = `${agentStyles}
#tc-agent{position:fixed;right:20px;bottom:20px;width:380px;height:560px;overflow:auto;padding:12px;box-sizing:border-box;font:14px/1.45 system-ui,sans-serif;background:#fff;border:1px solid #ddd;border-radius:12px}`;
document.head.append(style);
const panel = document.createElement('div');
panel.id = 'tc-agent';
panel.setAttribute('role', 'log');
document.body.append(panel);

interface AgentBench {
  container(): ParentNode | null;
  probe(): { root: Document; target: Element } | null;
  prepare(): void;
  send(text: string): void;
}

const bench: AgentBench = {
  container: () => panel,
  probe: () => ({ root: document, target: panel }),
  prepare() {},
  send(text) {
    const { model } = streamReply({ agentUrl: location.origin, botId: 'demo-bot', messages: [{ role: 'user', content: text }] });
    render(<AgentReply reply={model} />, panel);
  },
};
(window as unknown as { __bench: AgentBench }).__bench = bench;
