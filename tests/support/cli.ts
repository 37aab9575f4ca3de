import { main } from "../../components/render/cli";

/** Runs the kubegrant CLI in-process; returns its exit code, stdout and stderr. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await main(argv, (s) => { out += s; }, (s) => { err += s; });
    return { code, out, err };
}
