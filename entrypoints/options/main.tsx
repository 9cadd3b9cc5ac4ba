import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import { BUILTIN_PACKS } from '../../core/builtin-packs';
import '../../components/panel.css';

render(
  <OptionsApp builtinPacks={BUILTIN_PACKS} loadCommands={() => browser.commands.getAll()} />,
  document.getElementById('app')!,
);
