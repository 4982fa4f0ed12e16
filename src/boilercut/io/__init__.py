"""Reading documents in and writing clean text out."""
