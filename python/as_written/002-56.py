"""Example 002-56 as written, in asyncio: a session that exists in one function only.

The template opens its client session inside one coroutine and uses it in
another, where the name was never defined: the first consumer raises
NameError. The fix: create the session once and pass it to every consumer.
"""
import asyncio


async def fetch(session, url):
    await asyncio.sleep(0.1)  # a request's round trip
    return f"{url}: 200 via {session}"


async def open_client(urls, queue):
    session = "client-session"  # created here, and only here
    for url in urls:
        await queue.put(url)


async def consumer(queue, results):
    while (url := await queue.get()) is not None:
        results.append(await fetch(session, url))  # not defined in this function


async def main():
    urls = [f"https://example.org/{i}" for i in range(3)]
    queue, results = asyncio.Queue(maxsize=100), []
    await open_client(urls, queue)
    for _ in range(3):
        await queue.put(None)
    await asyncio.gather(*(consumer(queue, results) for _ in range(3)))
    print(results)


asyncio.run(main())
