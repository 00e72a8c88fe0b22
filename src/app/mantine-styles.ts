// Mantine's stylesheets for the application shell, loaded with the entry. Each lazily loaded module
// imports the stylesheets of the other components it renders itself, so they arrive with its chunk
// (src/app/mantine-css.test.ts checks both). The `.layer.css` builds put every Mantine rule in
// `@layer mantine`: a chunk's stylesheet linked later can then never override the app's CSS modules,
// whatever order the chunks load in. Keep Mantine's own order (that of @mantine/core/styles.css):
// a component's rules come after those of the components it is built from, so a sheet here needs
// those of the components it is built from here too (a chunk's sheets are linked after these).
// There is no default-css-variables sheet: MantineProvider writes every theme variable itself
// (deduplicateCssVariables={false} in providers.tsx).
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/global.layer.css';
import '@mantine/core/styles/UnstyledButton.layer.css';
import '@mantine/core/styles/Paper.layer.css';
import '@mantine/core/styles/Loader.layer.css';
import '@mantine/core/styles/ActionIcon.layer.css';
import '@mantine/core/styles/CloseButton.layer.css';
import '@mantine/core/styles/Group.layer.css';
import '@mantine/core/styles/Input.layer.css';
import '@mantine/core/styles/Alert.layer.css';
import '@mantine/core/styles/Text.layer.css';
import '@mantine/core/styles/Anchor.layer.css';
import '@mantine/core/styles/Badge.layer.css';
import '@mantine/core/styles/Burger.layer.css';
import '@mantine/core/styles/Button.layer.css';
import '@mantine/core/styles/Center.layer.css';
import '@mantine/core/styles/Code.layer.css';
import '@mantine/core/styles/Kbd.layer.css';
import '@mantine/core/styles/Stack.layer.css';
import '@mantine/core/styles/Title.layer.css';
