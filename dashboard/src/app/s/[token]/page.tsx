import { SharedFilePage } from "@/share/SharedFilePage";
import layout from "@/ui/layout.module.css";

/** `/s/{token}`: a shared file, for anyone who has the link; no account needed. */
export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className={layout.main}>
      {/*
        The address holds the link's secret: search engines are asked to leave it out, and
        requests from the page do not send it on as their Referer. (Tags, not the page's
        metadata, which would name the page before it names itself after the file.)
      */}
      <meta name="robots" content="noindex, nofollow" />
      <meta name="referrer" content="no-referrer" />
      <SharedFilePage token={token} />
    </main>
  );
}
