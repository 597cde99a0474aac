import { render } from "preact";
import { Options } from "../../ui/options/Options.tsx";

const root = document.getElementById("app");
if (root) render(<Options />, root);
