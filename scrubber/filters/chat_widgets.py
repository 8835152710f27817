"""Chat-widget greetings and buttons (Intercom, Drift, Tidio, Zendesk, HubSpot, Wix chat)."""

from .base import RuleFilter


class ChatWidgets(RuleFilter):
    """Drops lines that are a chat widget's greeting, prompt or button.

    Rules: ``scrubber/rules/packs/chat_widgets.toml``.

    >>> from scrubber.testing import judge
    >>> judge(ChatWidgets, "Hi 👋, I'm here to help?")
    'chat_widgets/here-to-help'
    >>> judge(ChatWidgets, "I'm here to help my neighbours, she said, and I always will be.") is None
    True
    >>> judge(ChatWidgets, 'Hola 👋 ¿En qué podemos ayudarte?')
    'chat_widgets/es-greeting'
    """

    name = "chat_widgets"
